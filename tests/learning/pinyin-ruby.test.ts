import { describe, expect, it } from 'vitest';
import type { WordToken } from '@/lib/learning/article-words';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { rubyCutter, writtenPinyin } from '@/lib/learning/pinyin-ruby';

const tokens: WordToken[] = [['银行', 'yín háng'], '与', ['行业', 'háng yè'], '，', 'AI', ['增长', 'zēng zhǎng'], '。'];

describe('rubyCutter', () => {
  it('gives each word its pinyin in context and leaves punctuation and Latin text plain', () => {
    expect(rubyCutter(tokens)('银行与行业，AI增长。')).toEqual([
      { text: '银行', pinyin: 'yínháng' },
      { text: '与' },
      { text: '行业', pinyin: 'hángyè' },
      { text: '，AI' },
      { text: '增长', pinyin: 'zēngzhǎng' },
      { text: '。' },
    ]);
  });

  it('splits a word that a bold run cuts in two, each part with its own syllables', () => {
    const cut = rubyCutter(tokens);
    expect(cut('银')).toEqual([{ text: '银', pinyin: 'yín' }]);
    expect(cut('行与行')).toEqual([{ text: '行', pinyin: 'háng' }, { text: '与' }, { text: '行', pinyin: 'háng' }]);
    expect(cut('业，AI增长。').slice(0, 1)).toEqual([{ text: '业', pinyin: 'yè' }]);
  });

  it('keeps the line breaks and spaces of the source plain, and leaves the rest plain once text and words disagree', () => {
    const cut = rubyCutter(tokens);
    expect(cut('\n银行与')).toEqual([{ text: '\n' }, { text: '银行', pinyin: 'yínháng' }, { text: '与' }]);
    expect(cut('行当，AI增长。')).toEqual([{ text: '行', pinyin: 'háng' }, { text: '当，AI增长。' }]);
  });

  it('writes a word’s syllables together, with an apostrophe where a syllable would run into the one before', () => {
    expect(writtenPinyin(['xī', 'ān'])).toBe("xī'ān");
    expect(writtenPinyin(['píng', 'ān'])).toBe("píng'ān");
    expect(writtenPinyin(['ài', 'guó'])).toBe('àiguó');
    expect(writtenPinyin(['tiān', 'é'])).toBe("tiān'é");
    expect(writtenPinyin(['suàn', 'lì'])).toBe('suànlì');
  });

  it('reads every Chinese character of the article: the words and the sentences agree everywhere', () => {
    const words = readArticleWords('deepseek-capex')!;
    let chinese = 0;
    for (const sentence of Object.values(words.sentences)) {
      const text = sentence.map((token) => (typeof token === 'string' ? token : token[0])).join('');
      const runs = rubyCutter(sentence)(text);
      expect(runs.map((run) => run.text).join('')).toBe(text);
      for (const run of runs) {
        if (run.pinyin) expect(run.pinyin).toMatch(/^[a-zü'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+$/);
        else expect(run.text).not.toMatch(/\p{Script=Han}/u);
      }
      chinese += runs.filter((run) => run.pinyin).length;
    }
    expect(chinese).toBeGreaterThan(2000);
  });
});
