import type { CanonicalText, SentenceSpan } from './types';

/** Index of the first sentence ending after `offset` (sentences are sorted and disjoint). */
function firstEndingAfter(sentences: readonly SentenceSpan[], offset: number): number {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].end > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The sentences that `[start, end)` overlaps, in text order. An empty range (a caret) gives the
 * sentence it is in; at the boundary of two Chinese sentences, the one that starts there.
 */
export function sentencesAt(canonical: CanonicalText, start: number, end: number): SentenceSpan[] {
  const { sentences } = canonical;
  if (!(start <= end)) return [];
  if (start === end) {
    const sentence = sentences[firstEndingAfter(sentences, start)];
    if (sentence && sentence.start <= start) return [sentence];
    const last = sentences.findLast((s) => s.end === start);
    return last ? [last] : [];
  }
  const found: SentenceSpan[] = [];
  for (let i = firstEndingAfter(sentences, start); i < sentences.length && sentences[i].start < end; i++) found.push(sentences[i]);
  return found;
}
