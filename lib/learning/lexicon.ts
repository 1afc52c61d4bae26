import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Dictionary } from './segment';

/**
 * CC-CEDICT (as chinese-lexicon ships it, CC BY-SA 4.0) and HSK levels, read at content-build time
 * only: the reader never loads them, only the words of its articles (content/<slug>/words.json).
 */
export type Entry = { simp: string; trad: string; pinyin: string; definitions: string[] };

type Lexicon = Dictionary & {
  entries(word: string): Entry[];
  hskLevel(word: string): number | undefined;
  /** The lowest level of the HSK words a character is written in, if any. */
  hskCharLevel(char: string): number | undefined;
};

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const all = require('chinese-lexicon/dictionary') as Entry[];
  const hsk = hskWordLevels(require.resolve('chinese-lexicon/statistics/hsk'));
  const charLevels = new Map<string, number>();
  for (const [word, level] of hsk) for (const char of word) charLevels.set(char, Math.min(level, charLevels.get(char) ?? level));
  const bySimplified = new Map<string, Entry[]>();
  let longest = 1;
  for (const entry of all) {
    if (!entry.simp) continue;
    const list = bySimplified.get(entry.simp) ?? [];
    list.push(entry);
    bySimplified.set(entry.simp, list);
    longest = Math.max(longest, [...entry.simp].length);
  }
  loaded = {
    has: (word) => bySimplified.has(word),
    longest: Math.min(longest, 8),
    entries: (word) => bySimplified.get(word) ?? [],
    hskLevel: (word) => hsk.get(word),
    hskCharLevel: (char) => charLevels.get(char),
  };
  return loaded;
}

/**
 * The HSK word lists (levels 1–6) chinese-lexicon ships. Its own getHSKLevel answers for any word
 * with its hardest character's level, which would give 英伟达 an HSK level: the lists themselves say
 * which words have one. They are the module's first statement, a JSON array of arrays.
 */
function hskWordLevels(file: string): Map<string, number> {
  const source = fs.readFileSync(file, 'utf8');
  const lists = JSON.parse(source.slice(source.indexOf('['), source.indexOf('];') + 1)) as string[][];
  return new Map(lists.flatMap((words, level) => words.map((word): [string, number] => [word, level + 1])));
}
