import fs from 'node:fs';
import { articleFilePath } from '@/lib/content/article-files';
import { wordStarts, type ArticleWords } from './article-words';

/** One row of content/<slug>/pinyin-gold.tsv: a polyphonic character's reading, checked by hand. */
export type GoldReading = { sentence: string; offset: number; char: string; reading: string; context: string };

export function readPinyinGold(slug: string): GoldReading[] {
  return fs
    .readFileSync(articleFilePath(slug, 'pinyin-gold.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [sentence, offset, char, reading, context] = line.split('\t');
      return { sentence, offset: Number(offset), char, reading, context };
    });
}

/**
 * The word list's readings against the gold: the rows it reads otherwise, and the share of all the
 * article's Chinese characters it reads right (a character the gold does not list has one reading).
 */
export function checkAgainstGold(words: ArticleWords, gold: readonly GoldReading[]) {
  const readings = new Map<string, string>();
  let characters = 0;
  for (const [id, tokens] of Object.entries(words.sentences))
    for (const { word, pinyin, start } of wordStarts(tokens)) {
      pinyin.split(' ').forEach((reading, k) => readings.set(`${id} ${start + k}`, reading));
      characters += word.length;
    }
  const misread = gold
    .map((row) => ({ ...row, read: readings.get(`${row.sentence} ${row.offset}`) }))
    .filter((row) => row.read !== row.reading);
  return { characters, misread, accuracy: 1 - misread.length / characters };
}
