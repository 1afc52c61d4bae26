import { describe, expect, it } from 'vitest';
import { checkDisplayName, maxDisplayNameLength, visibleLength } from '@/lib/account/display-name';
import { isReservedName, nameSkeleton } from '@/lib/account/name-skeleton';

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
    ['stacked combining marks', 'Z\u0351\u0352\u0353\u0354\u0355algo'],
    ['marks stacked through joiners', `a${'\u0301\u200d'.repeat(30)}`],
    ['a thousand jamo made one character', 'ᄀ'.repeat(17)],
  ])('refuses %s', (_name, raw) => {
    expect(checkDisplayName(raw)).toEqual({ problem: 'invisible' });
  });

  it('refuses markup', () => {
    expect(checkDisplayName('<img src=x onerror=alert(1)>')).toEqual({ problem: 'markup' });
    expect(checkDisplayName('Ada <b>')).toEqual({ problem: 'markup' });
  });

  it('leaves reserved names to the server (the form does not load the look-alike tables)', () => {
    expect(checkDisplayName('Moderator')).toEqual({ name: 'Moderator' });
  });
});

describe('isReservedName', () => {
  it.each([
    'Moderator',
    'ADMIN',
    'mod erator',
    'Ｍｏｄｅｒａｔｏｒ',
    'Мoderator',
    'M0derator',
    'Moderator Team',
    'the @dmin',
    '管理员',
    '网站管理员',
    '版主 小王',
  ])('refuses %j', (raw) => expect(isReservedName(raw)).toBe(true));

  it.each(['Ada Lovelace', 'Admina', 'Modesto', 'Editorial Eve', '林晓雯', 'Daniel Hart'])('accepts %j', (raw) =>
    expect(isReservedName(raw)).toBe(false),
  );
});

describe('nameSkeleton', () => {
  it('reads names that differ in look-alike letters, case, width, spacing, punctuation and accents as one', () => {
    const skeleton = nameSkeleton('Zhou Min');
    for (const copy of ['zhou_min', 'ＺＨＯＵ ＭＩＮ', 'Zhóu-Mîn', ' zhou.min ', 'Zhоu Min']) expect(nameSkeleton(copy)).toBe(skeleton);
    expect(nameSkeleton('周敏')).toBe(nameSkeleton(' 周 敏 '));
    expect(nameSkeleton('周敏')).not.toBe(nameSkeleton('周明'));
  });
});
