import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('UI messages', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('has no empty string', () => {
    const values = (m: object): unknown[] => Object.values(m).flatMap((v) => (typeof v === 'object' && v ? values(v) : [v]));
    expect([...values(en), ...values(zh)].filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });

  // A claim found "false" on a note card must not read "wrong" on the review page: every page names
  // a verdict with the words the note editor offers (issue 13: 有据可查/有依据, 有误/不实 were both in use).
  for (const [locale, messages] of [
    ['zh', zh],
    ['en', en],
  ] as const) {
    it(`names the reader bar's link to the review page apart from its notes button (${locale})`, () => {
      // 查看笔记 (a link to another page) beside 笔记（24） (a button opening the panel) read as one thing.
      const button = messages.Annotations.notesCount
        .replace(/[（(].*$/, '')
        .trim()
        .toLocaleLowerCase(locale);
      expect(messages.Review.reviewLink.toLocaleLowerCase(locale)).not.toContain(button);
    });

    it(`names each verdict one way (${locale})`, () => {
      const vocabulary = messages.Annotations.verdicts;
      for (const [verdict, word] of Object.entries(messages.Review.verdictWords)) {
        expect(word.toLocaleLowerCase(locale), `Review.verdictWords.${verdict}`).toBe(
          vocabulary[verdict as keyof typeof vocabulary].toLocaleLowerCase(locale),
        );
      }
    });
  }
});
