import { sentencesAt } from './sentences-at';
import { contextAfter, contextBefore, snapBack, snapForward } from './text-context';
import type { CanonicalText, TextPositionSelector, TextQuoteSelector } from './types';

/** What an annotation stores about its target; every field refers to the canonical text. */
export type Description = {
  selectors: [Required<TextQuoteSelector>, TextPositionSelector];
  /** The block the range starts in. */
  blockId: string;
  /** Every sentence the range overlaps, in text order (a selection may span sentences and blocks). */
  sentenceIds: string[];
};

const isSpace = (char: string) => /\s/.test(char);

/**
 * Describes `[start, end)` of the canonical text by quote (with 32 characters of context each side,
 * fewer at the text's edges) and by position. Surrounding whitespace is trimmed off first (a
 * selection running into the gap between two paragraphs should not quote it), and an offset that
 * cuts an astral character is widened to include it. Returns null for an empty, whitespace-only or
 * out-of-bounds range.
 */
export function describeOffsets(canonical: CanonicalText, start: number, end: number): Description | null {
  const { text } = canonical;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (start === end) return null;
  start = snapBack(text, start);
  end = snapForward(text, end);

  const sentences = sentencesAt(canonical, start, end);
  if (sentences.length === 0) return null;
  return {
    selectors: [
      { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: contextBefore(text, start), suffix: contextAfter(text, end) },
      { type: 'TextPositionSelector', start, end },
    ],
    blockId: sentences[0].blockId,
    sentenceIds: sentences.map((sentence) => sentence.id),
  };
}
