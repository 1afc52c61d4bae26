/**
 * Offsets are UTF-16 code unit indices into one language's canonical text (what JavaScript's
 * `String.prototype.slice` and DOM Range offsets count), never into the MDX source.
 */

/** Where one sentence sits in the canonical text: `text.slice(start, end)` is its trimmed text. */
export type SentenceSpan = { id: string; blockId: string; start: number; end: number };

/** The text annotations are anchored to, for one language of one article. */
export type CanonicalText = {
  text: string;
  /** In text order, non-overlapping. */
  sentences: SentenceSpan[];
};

/** W3C Web Annotation TextQuoteSelector; prefix and suffix may be missing on foreign input. */
export type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };

/** W3C Web Annotation TextPositionSelector: `[start, end)` in the canonical text. */
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };

export type Selector = TextQuoteSelector | TextPositionSelector;

/** A half-open range of the canonical text. */
export type TextRange = { start: number; end: number };
