import { describe, expect, it } from 'vitest';
import { checkDisplayName, maxDisplayNameLength, nameSkeleton, visibleLength } from '@/lib/account/display-name';

describe('checkDisplayName', () => {
  it.each([
    ['林晓雯', '林晓雯'],
    ['  Daniel   Hart ', 'Daniel Hart'],
    ['Priya\u00A0Nair', 'Priya Nair'],
    ['👩‍💻 Ada', '👩‍💻 Ada'],
    ['Zoë', 'Zoë'],
    ['A', 'A'],
    ['x'.repeat(maxDisplayNameLength), 'x'.repeat(maxDisplayNameLength)],
  ])('keeps %j as %j', (raw, stored) => {
    expect(checkDisplayName(raw)).toEqual({ name: stored });
  });

  it('normalises to NFC (e + combining acute is é)', () => {
    expect(checkDisplayName('Zoe\u0301')).toEqual({ name: 'Zoë'.normalize('NFC').replace('ë', 'é') });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['punctuation only', '...'],
    ['a combining mark alone', '\u0301'],
    ['not a string', 5],
    ['an array', ['Ada']],
  ])('refuses %s as empty', (_name, raw) => {
    expect(checkDisplayName(raw)).toEqual({ problem: 'empty' });
  });

  it('counts what a reader sees: 64 emoji of several code points each fit, 65 letters do not', () => {
    expect(checkDisplayName('👩‍💻'.repeat(64))).toEqual({ name: '👩‍💻'.repeat(64) });
    expect(checkDisplayName('x'.repeat(65))).toEqual({ problem: 'tooLong' });
    expect(checkDisplayName('x'.repeat(5_000_000))).toEqual({ problem: 'tooLong' });
    expect(visibleLength('👩‍💻é')).toBe(2);
  });

  it.each([
    ['a NUL', 'Ada\u0000'],
    ['a newline', 'Ada\nLovelace'],
    ['a right-to-left override', 'Ada\u202Etxt.exe'],
    ['a zero-width space', 'Ad\u200Ba'],
    ['a BOM', '\uFEFFAda'],
    ['a line separator', 'Ada\u2028'],
    ['a private-use character', 'Ada\uE000'],
    ['a lone surrogate', 'Ada\uD800'],
    ['stacked combining marks', 'Z\u0351\u0352\u0353\u0354algo'],
  ])('refuses %s', (_name, raw) => {
    expect(checkDisplayName(raw)).toEqual({ problem: 'invisible' });
  });

  it('refuses markup', () => {
    expect(checkDisplayName('<img src=x onerror=alert(1)>')).toEqual({ problem: 'markup' });
    expect(checkDisplayName('Ada <b>')).toEqual({ problem: 'markup' });
  });

  it.each(['Moderator', 'ADMIN', 'mod erator', 'Ｍｏｄｅｒａｔｏｒ', '管理员', '版主'])('refuses the reserved name %j', (raw) => {
    expect(checkDisplayName(raw)).toEqual({ problem: 'reserved' });
  });
});

describe('nameSkeleton', () => {
  it('reads names that differ in case, width, spacing, punctuation and accents as one', () => {
    const skeleton = nameSkeleton('Zhou Min');
    for (const copy of ['zhou_min', 'ＺＨＯＵ ＭＩＮ', 'Zhóu-Mîn', ' zhou.min ']) expect(nameSkeleton(copy)).toBe(skeleton);
    expect(nameSkeleton('周敏')).toBe(nameSkeleton(' 周 敏 '));
    expect(nameSkeleton('周敏')).not.toBe(nameSkeleton('周明'));
  });
});
