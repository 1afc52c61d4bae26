/** Where the place kept across turning pinyin on lives (pinyin-place.ts), apart so that checking costs no code. */
export const placeKey = 'reader-place-across-load';

export function hasPlaceAcrossLoad(): boolean {
  try {
    return sessionStorage.getItem(placeKey) !== null;
  } catch {
    return false;
  }
}
