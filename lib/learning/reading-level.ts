import { isWord, type ArticleWords, type WordEntry } from './article-words';

/** HSK 2.0 levels 1–6, and 7: a word with a character that no HSK word is written in ("beyond HSK 6"). */
export const beyondHsk = 7;
export const hskLevels = [1, 2, 3, 4, 5, 6, beyondHsk] as const;

/**
 * A word's level for the reading-level chart and marks: its HSK list's, else its hardest character's
 * (a word like 美国 is in no list, though any HSK 1 reader reads it). Names are nobody's vocabulary.
 */
export function levelOf(entry: WordEntry | undefined): number | undefined {
  if (!entry || entry.name) return undefined;
  // Neither: a word list from before hskChars (a cached block piece), where it cannot be told.
  return entry.hsk ?? entry.hskChars;
}

export type ReadingLevel = {
  /**
   * Per level (hskLevels' order): the article's running words at that level, its distinct ones, and
   * how many of those running words are in no HSK list (placed by their characters).
   */
  levels: { level: number; uses: number; words: number; byCharacters: number }[];
  uses: number;
  words: number;
  /** The words beyond HSK 6, the most used first (then in the order the article meets them). */
  beyond: { word: string; pinyin: string; uses: number }[];
};

/**
 * How hard the article's Chinese is, from its word list (words.json): its running words (names,
 * numbers and Latin text aside) by HSK 2.0 level. The share of running words is what a reader
 * meets; the distinct words are what they would have to learn.
 */
export function readingLevel(words: ArticleWords): ReadingLevel {
  const uses = new Map<string, { level: number; listed: boolean; pinyin: string; uses: number }>();
  for (const tokens of Object.values(words.sentences)) {
    for (const token of tokens) {
      if (!isWord(token)) continue;
      const entry = words.words[token[0]];
      const level = levelOf(entry);
      if (level === undefined) continue;
      const seen = uses.get(token[0]);
      if (seen) seen.uses++;
      else uses.set(token[0], { level, listed: entry.hsk !== undefined, pinyin: token[1], uses: 1 });
    }
  }
  const all = [...uses.entries()];
  const levels = hskLevels.map((level) => {
    const at = all.filter(([, word]) => word.level === level);
    const sum = (list: typeof at) => list.reduce((total, [, word]) => total + word.uses, 0);
    return { level, uses: sum(at), words: at.length, byCharacters: sum(at.filter(([, word]) => !word.listed)) };
  });
  const beyond = all
    .filter(([, word]) => word.level === beyondHsk)
    .map(([word, { pinyin, uses }]) => ({ word, pinyin, uses }))
    .sort((a, b) => b.uses - a.uses);
  return { levels, uses: levels.reduce((sum, l) => sum + l.uses, 0), words: all.length, beyond };
}
