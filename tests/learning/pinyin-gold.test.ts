import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFilePath, listArticleSlugs } from '@/lib/content/article-files';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { checkAgainstGold, readPinyinGold } from '@/lib/learning/pinyin-gold';

describe.each(listArticleSlugs().filter((slug) => fs.existsSync(articleFilePath(slug, 'pinyin-gold.tsv'))))(
  'pinyin of %s against its hand-checked gold readings',
  (slug) => {
    it('reads at least 99% of the Chinese characters as the gold does, and every polyphone the gold lists as it does', () => {
      const gold = readPinyinGold(slug);
      expect(gold.length).toBeGreaterThan(100);
      const { accuracy, misread } = checkAgainstGold(readArticleWords(slug)!, gold);
      const listed = misread.map((row) => `${row.sentence} ${row.offset} ${row.char}: ${row.read} ≠ ${row.reading} (${row.context})`);
      expect(accuracy, listed.join('\n')).toBeGreaterThanOrEqual(0.99);
      // The article's hand readings (learning.json) settle what the library misreads: none is left.
      expect(listed).toEqual([]);
    });
  },
);
