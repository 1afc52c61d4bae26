/**
 * Pinyin over the Chinese text (issue 17): a reading preference like the view, asked for in the
 * address (`?pinyin=1` or `?pinyin=0`, so that it works with JavaScript off) and remembered in a
 * cookie the proxy reads, which serves the page prerendered with `<ruby>` (…/{view}/pinyin).
 */
export const pinyinCookie = 'reader-pinyin';
export const pinyinParam = 'pinyin';

/** What the address asks: true or false, or undefined when it does not say. */
export function askedPinyin(value: string | null | undefined): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}
