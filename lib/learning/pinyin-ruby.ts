import { isWord, type WordToken } from './article-words';

/** A run of a sentence's rendered text: plain, or a Chinese word (or the part of one in this chunk) with its pinyin, written as one word. */
export type RubyRun = { text: string; pinyin?: string };

type Letter = { char: string; syllable?: string; word?: number };

/** The sentence's text a code point at a time, each Chinese character with its syllable and word. */
function lettersOf(tokens: readonly WordToken[]): Letter[] {
  const letters: Letter[] = [];
  tokens.forEach((token, word) => {
    if (!isWord(token)) return letters.push(...Array.from(token, (char) => ({ char })));
    const chars = Array.from(token[0]);
    const syllables = token[1].split(' ');
    // One syllable a character, as content:words writes them; a word that breaks the rule gets none.
    const fits = syllables.length === chars.length;
    letters.push(...chars.map((char, i) => ({ char, ...(fits && { syllable: syllables[i], word }) })));
  });
  return letters;
}

/**
 * A word's syllables written as pinyin writes a word: together, with an apostrophe before a syllable
 * that starts with a, o or e (xī'ān, píng'ān), so that the reader sees where each word's reading ends.
 */
export function writtenPinyin(syllables: readonly string[]): string {
  return syllables.map((syllable, i) => (i > 0 && /^[aāáǎàoōóǒòeēéěè]/.test(syllable) ? `'${syllable}` : syllable)).join('');
}

/**
 * Cuts a sentence's rendered text into runs for `<ruby>`, given its words (words.json). The text
 * comes as it is rendered, chunk by chunk (a bold run splits a sentence into several text nodes):
 * call the returned function with each chunk in order. Whitespace the word list does not hold (the
 * source's line breaks) stays plain; should the text and the words ever disagree on anything else,
 * the rest of the sentence is left plain rather than read wrongly.
 */
export function rubyCutter(tokens: readonly WordToken[]): (chunk: string) => RubyRun[] {
  const letters = lettersOf(tokens);
  let at = 0;
  return (chunk) => {
    const runs: (RubyRun & { word?: number; syllables: string[] })[] = [];
    for (const char of chunk) {
      let letter: Letter = { char };
      if (letters[at]?.char === char) letter = letters[at++];
      else if (char.trim() !== '') at = Infinity;
      const last = runs.at(-1);
      if (last && last.word === letter.word) {
        last.text += char;
        if (letter.syllable) last.syllables.push(letter.syllable);
      } else runs.push({ text: char, word: letter.word, syllables: letter.syllable ? [letter.syllable] : [] });
    }
    return runs.map(({ text, syllables }) => (syllables.length ? { text, pinyin: writtenPinyin(syllables) } : { text }));
  };
}
