import type { WordPiece, WordToken } from '@/lib/learning/article-words';
import { sentenceText } from './sentence-text';

/**
 * The words of the blocks the reader looks up in, fetched a block at a time and kept for the page's
 * life: the first lookup in a paragraph costs one small request, later ones none.
 */
const pieces = new Map<string, Promise<WordPiece>>();

export function wordPiece(slug: string, block: string): Promise<WordPiece> {
  const key = `${slug}/${block}`;
  let piece = pieces.get(key);
  if (!piece) {
    piece = fetch(`/api/articles/${encodeURIComponent(slug)}/words/${encodeURIComponent(block)}`).then((response) => {
      if (!response.ok) throw new Error(`words of ${block}: ${response.status}`);
      return response.json() as Promise<WordPiece>;
    });
    // A failed fetch is not kept: the next lookup tries again.
    piece.catch(() => pieces.delete(key));
    pieces.set(key, piece);
  }
  return piece;
}

/**
 * Fetches the words of the other blocks, those around the one just looked up in first, a few at
 * each idle moment: a reader who looks one word up looks up more, and the next lookups then wait for
 * nothing (a block's words are ~2.4 KB compressed; the article's, ~90 KB).
 */
export function prefetchAround(slug: string, block: Element, idle: (task: () => void) => unknown) {
  const blocks = [...document.querySelectorAll<HTMLElement>('.block[data-lang="zh"][data-block]')].filter((element) =>
    element.querySelector('[data-sid]'),
  );
  const at = Math.max(0, blocks.indexOf(block as HTMLElement));
  const byDistance = blocks
    .map((element, k) => ({ element, distance: k < at ? (at - k) * 2 : k - at }))
    .sort((a, b) => a.distance - b.distance);
  const queue = byDistance.map(({ element }) => element.dataset.block!).filter((id) => !pieces.has(`${slug}/${id}`));
  const next = () => {
    for (const id of queue.splice(0, 4)) wordPiece(slug, id).catch(() => {});
    if (queue.length) idle(next);
  };
  idle(next);
}

export type PlacedToken = { index: number; start: number; end: number; text: string; pinyin?: string };

/** The sentence's tokens with their offsets; `shift` is where the word list's text starts in the page's. */
export function placeTokens(tokens: readonly WordToken[], shift = 0): PlacedToken[] {
  let at = shift;
  return tokens.map((token, index) => {
    const [text, pinyin] = typeof token === 'string' ? [token, undefined] : token;
    const placed = { index, start: at, end: at + text.length, text, pinyin };
    at += text.length;
    return placed;
  });
}

/** A sentence's tokens placed in its text as the page has it (which may start with the source's line break). */
export function placeInSentence(sentence: Element, tokens: readonly WordToken[]): PlacedToken[] {
  const listed = tokens.map((token) => (typeof token === 'string' ? token : token[0])).join('');
  return placeTokens(tokens, Math.max(0, sentenceText(sentence).indexOf(listed)));
}

/** The Chinese word at an offset of the sentence, or the nearest one before it on the same token. */
export const wordAt = (placed: readonly PlacedToken[], offset: number) =>
  placed.find((token) => token.pinyin !== undefined && offset >= token.start && offset < token.end);

/** The next (or previous) Chinese word after a token of the sentence. */
export function stepWord(placed: readonly PlacedToken[], from: number, step: 1 | -1): PlacedToken | undefined {
  for (let index = from + step; index >= 0 && index < placed.length; index += step)
    if (placed[index].pinyin !== undefined) return placed[index];
}
