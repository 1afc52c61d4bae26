/**
 * What a learner's aids know of an article's Chinese, in content/<slug>/words.json: each sentence
 * cut into words with their pinyin read in context, and each word's dictionary entry. Made by
 * `npm run content:words` from the article, its hand-kept glossary and names (learning.json), and
 * the dictionaries (lexicon.ts); content:check refuses a words.json that is out of date. The reader
 * serves it block by block (the lookup card) and never loads a dictionary.
 */

/** What the reader is sent for one block: its sentences' words and those words' entries. */
export type WordPiece = Pick<ArticleWords, 'sentences' | 'words'>;

/** A Chinese word with its pinyin in context (one syllable per character, space-separated), or other text. */
export type WordToken = [text: string, pinyin: string] | string;

export type WordEntry = {
  /** Readings and senses from CC-CEDICT, the ones matching the word's reading here first. */
  senses: { pinyin: string; definitions: string[] }[];
  /** The HSK 2.0 level (1–6) of the word, when it is in the HSK word lists. */
  hsk?: number;
  /** For a word in no HSK list: its hardest character's level, by the HSK words each is written in (7: a character in none). */
  hskChars?: number;
  /** The article's own sense, from its glossary, or who a name is. */
  gloss?: string;
  name?: true;
};

export type ArticleWords = {
  about: string;
  /** Each block's sentences, in reading order: the reader asks for the words a block at a time. */
  blocks: Record<string, string[]>;
  sentences: Record<string, WordToken[]>;
  words: Record<string, WordEntry>;
};

/** What the article's editors add to the dictionary (content/<slug>/learning.json). */
export type ArticleGlossary = {
  /** Names the dictionary lacks, kept whole, with who they are. */
  names: Record<string, string>;
  /** The article's own sense of a word or phrase, shown above the dictionary's. */
  glossary: Record<string, string>;
  /** Phrases the pinyin library misreads in this article, read by hand (pinyin-gold.tsv checks them all). */
  readings: Record<string, string>;
};

export const isWord = (token: WordToken): token is [string, string] => typeof token !== 'string';

/** The piece of the word list one block's sentences need: their words and those words' entries. */
export function blockPiece(words: ArticleWords, sentenceIds: readonly string[]): WordPiece {
  const piece: WordPiece = { sentences: {}, words: {} };
  for (const id of sentenceIds) {
    const tokens = words.sentences[id] ?? [];
    piece.sentences[id] = tokens;
    for (const token of tokens) if (isWord(token)) piece.words[token[0]] = words.words[token[0]];
  }
  return piece;
}

/** A sentence's Chinese words with where each starts in the sentence's text (UTF-16 offsets). */
export function wordStarts(tokens: readonly WordToken[]): { word: string; pinyin: string; start: number }[] {
  let at = 0;
  return tokens.flatMap((token) => {
    const start = at;
    at += (isWord(token) ? token[0] : token).length;
    return isWord(token) ? [{ word: token[0], pinyin: token[1], start }] : [];
  });
}

/** Stable, one sentence and one word a line, so that a change reads as a small diff. */
export function formatArticleWords(words: ArticleWords): string {
  const lines = (record: Record<string, unknown>) =>
    Object.entries(record)
      .map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(',\n');
  return `{\n  "about": ${JSON.stringify(words.about)},\n  "blocks": {\n${lines(words.blocks)}\n  },\n  "sentences": {\n${lines(words.sentences)}\n  },\n  "words": {\n${lines(words.words)}\n  }\n}\n`;
}
