import { sentencesAt } from './sentences-at';
import { CONTEXT_LENGTH, contextAfter, contextBefore, isCodePointBoundary } from './text-context';
import type { CanonicalText } from './types';

/** What a client claims about an annotation's target; the server checks it against the canonical text. */
export type SelectorClaims = {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  blockId: string;
  sentenceIds: readonly string[];
};

export type SelectorField = keyof SelectorClaims;

/** One inconsistency, naming the field at fault (for a 422 answer). */
export type SelectorProblem = { field: SelectorField; message: string };

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/**
 * Checks a new annotation's selectors against the canonical text they were made on (the server
 * builds it with `canonicalText` from the MDX). Returns every problem found, [] when consistent.
 * Prefix and suffix may be shorter than 32 characters only at the text's edges; that is, they must
 * be exactly what `describeOffsets` gives. Checks that need valid offsets are skipped without them.
 */
export function validateSelectors(canonical: CanonicalText, claims: SelectorClaims): SelectorProblem[] {
  const { text } = canonical;
  const { exact, prefix, suffix, start, end, blockId, sentenceIds } = claims;
  const problems: SelectorProblem[] = [];
  // Messages name their field, so one can be shown on its own.
  const problem = (field: SelectorField, message: string) => problems.push({ field, message: `${field} ${message}` });

  if (!isWhole(start) || start < 0 || start > text.length) problem('start', `must be an integer from 0 to ${text.length}`);
  else if (!isCodePointBoundary(text, start)) problem('start', 'cuts a character in two');
  if (!isWhole(end) || end < 0 || end > text.length) problem('end', `must be an integer from 0 to ${text.length}`);
  else if (!isCodePointBoundary(text, end)) problem('end', 'cuts a character in two');
  if (isWhole(start) && isWhole(end) && start >= end) problem('end', 'must be greater than start');
  if (typeof exact !== 'string' || !exact.trim()) problem('exact', 'must be non-blank text');
  if (typeof prefix !== 'string') problem('prefix', 'must be a string');
  if (typeof suffix !== 'string') problem('suffix', 'must be a string');
  if (problems.length > 0) return problems;

  if (text.slice(start, end) !== exact) problem('exact', 'is not the text between start and end');
  if (prefix !== contextBefore(text, start)) {
    problem('prefix', `must be the ${CONTEXT_LENGTH} characters before start (fewer only at the start of the text)`);
  }
  if (suffix !== contextAfter(text, end)) {
    problem('suffix', `must be the ${CONTEXT_LENGTH} characters after end (fewer only at the end of the text)`);
  }

  const covered = sentencesAt(canonical, start, end);
  // As describeOffsets: the block of the first sentence the range overlaps.
  const first = covered[0]?.blockId;
  if (blockId !== first)
    problem('blockId', first ? `must be ${first}, the block where the range starts` : 'cannot be checked: the range covers no sentence');
  const ids = covered.map((sentence) => sentence.id);
  if (!Array.isArray(sentenceIds) || sentenceIds.length !== ids.length || sentenceIds.some((id, i) => id !== ids[i])) {
    problem('sentenceIds', `must list the sentences the range overlaps, in order: ${ids.join(', ')}`);
  }
  return problems;
}
