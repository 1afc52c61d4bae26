/** Characters (Unicode code points) of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** False when `index` falls between the two halves of a surrogate pair (an astral character). */
export function isCodePointBoundary(text: string, index: number): boolean {
  return !(index > 0 && index < text.length && isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index)));
}

/** Moves `index` back to the start of the character it cuts, if it cuts one. */
export function snapBack(text: string, index: number): number {
  return isCodePointBoundary(text, index) ? index : index - 1;
}

/** Moves `index` forward past the character it cuts, if it cuts one. */
export function snapForward(text: string, index: number): number {
  return isCodePointBoundary(text, index) ? index : index + 1;
}

export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1) length++;
  return length;
}

/** Up to `length` whole characters of `text` ending at `start`: a quote's prefix. */
export function contextBefore(text: string, start: number, length = CONTEXT_LENGTH): string {
  let from = start;
  for (let n = 0; n < length && from > 0; n++) from = snapBack(text, from - 1);
  return text.slice(from, start);
}

/** Up to `length` whole characters of `text` starting at `end`: a quote's suffix. */
export function contextAfter(text: string, end: number, length = CONTEXT_LENGTH): string {
  let to = end;
  for (let n = 0; n < length && to < text.length; n++) to = snapForward(text, to + 1);
  return text.slice(end, to);
}
