import { sentencesAt } from './sentences-at';
import type { CanonicalText, SentenceSpan } from './types';

export { sentencesAt };

/**
 * Where the given sentences are in the other language's canonical text, in that text's order.
 * Sentence ids are shared by both languages (line i of an English paragraph translates line i of
 * the Chinese), so this is a lookup; ids the other text lacks are left out.
 */
export function counterpartSentences(other: CanonicalText, sentenceIds: readonly string[]): SentenceSpan[] {
  const wanted = new Set(sentenceIds);
  return other.sentences.filter((sentence) => wanted.has(sentence.id));
}

/**
 * The counterparts, in `other`, of the sentences that `[start, end)` of `from` overlaps: what to
 * mark in the other language for a highlight. Prefer this to stored sentence ids after re-anchoring,
 * since an edit that inserts a paragraph or sentence renumbers the ids after it.
 */
export function alignedSentences(from: CanonicalText, other: CanonicalText, start: number, end: number): SentenceSpan[] {
  return counterpartSentences(
    other,
    sentencesAt(from, start, end).map((sentence) => sentence.id),
  );
}
