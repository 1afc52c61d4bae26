import { describe, expect, it } from 'vitest';
import type { ArticleWords } from '@/lib/learning/article-words';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { beyondHsk, levelOf, readingLevel } from '@/lib/learning/reading-level';

const words: ArticleWords = {
  about: '',
  blocks: { p01: ['p01-s1'] },
  sentences: {
    'p01-s1': [
      ['公司', 'gōng sī'],
      ['美国', 'měi guó'],
      ['英伟达', 'yīng wěi dá'],
      '2048',
      ['芯片', 'xīn piàn'],
      ['公司', 'gōng sī'],
      '。',
    ],
  },
  words: {
    公司: { senses: [], hsk: 2 },
    美国: { senses: [], hskChars: 3 },
    英伟达: { senses: [], gloss: 'Nvidia', name: true },
    芯片: { senses: [], hskChars: beyondHsk },
  },
};

describe('readingLevel', () => {
  it('counts running and distinct words by HSK level, a listed word at its list, another at its hardest character, names not at all', () => {
    const level = readingLevel(words);
    expect(level.uses).toBe(4);
    expect(level.words).toBe(3);
    expect(level.levels.find((row) => row.level === 2)).toEqual({ level: 2, uses: 2, words: 1, byCharacters: 0 });
    expect(level.levels.find((row) => row.level === 3)).toEqual({ level: 3, uses: 1, words: 1, byCharacters: 1 });
    expect(level.levels.find((row) => row.level === beyondHsk)).toEqual({ level: beyondHsk, uses: 1, words: 1, byCharacters: 1 });
    expect(level.beyond).toEqual([{ word: '芯片', pinyin: 'xīn piàn', uses: 1 }]);
    expect(levelOf(words.words.英伟达)).toBeUndefined();
  });

  it('places every word of the article: the shares add up to the whole, and few words are beyond HSK 6', () => {
    const level = readingLevel(readArticleWords('deepseek-capex')!);
    expect(level.levels.reduce((sum, row) => sum + row.uses, 0)).toBe(level.uses);
    expect(level.uses).toBeGreaterThan(2000);
    expect(level.beyond.map((word) => word.word)).toContain('芯片');
    expect(level.beyond.length).toBeLessThan(20);
  });
});
