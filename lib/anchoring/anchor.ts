import { matchExactQuote, matchFuzzyQuote, trustedAt, type QuoteContext } from './quote-match';
import type { TextPositionSelector, TextQuoteSelector } from './types';

/** Where an annotation's target is in the current text, and which selector found it. */
export type Anchor = { start: number; end: number; method: 'position' | 'quote' | 'fuzzy' };

function quoteSelector(selectors: readonly unknown[]): TextQuoteSelector | undefined {
  return selectors.find(
    (s): s is TextQuoteSelector =>
      !!s && (s as TextQuoteSelector).type === 'TextQuoteSelector' && typeof (s as TextQuoteSelector).exact === 'string',
  );
}

function positionSelector(selectors: readonly unknown[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => {
    const { type, start, end } = (s ?? {}) as Partial<TextPositionSelector>;
    return type === 'TextPositionSelector' && Number.isInteger(start) && Number.isInteger(end);
  });
}

/**
 * Finds an annotation's target in `text` (a canonical text, possibly edited since the annotation
 * was made), trying in order: the position, if the text there is still the quote (and, for a short
 * quote, its context still confirms it); the quote where
 * it occurs exactly, choosing the occurrence whose prefix and suffix agree best (then the one
 * nearest the old position); the quote approximately (`quote-match.ts` has the parameters).
 * Returns null (an orphan) rather than a place the context does not support. Never throws.
 */
export function anchorSelectors(text: string, selectors: readonly unknown[] | null | undefined): Anchor | null {
  if (typeof text !== 'string' || !Array.isArray(selectors)) return null;
  const quote = quoteSelector(selectors);
  const position = positionSelector(selectors);

  if (position && 0 <= position.start && position.start < position.end && position.end <= text.length) {
    const { start, end } = position;
    // Without a quote there is nothing to check the position against; trust it, as Hypothesis does.
    if (!quote) return { start, end, method: 'position' };
    const context = { prefix: quote.prefix, suffix: quote.suffix };
    if (text.slice(start, end) === quote.exact && trustedAt(text, start, quote.exact, context)) return { start, end, method: 'position' };
  }
  if (!quote || !quote.exact.trim()) return null;

  const context: QuoteContext = { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start };
  const exact = matchExactQuote(text, quote.exact, context);
  if (exact.match) return { start: exact.match.start, end: exact.match.end, method: 'quote' };
  // approx-string-match reports only the matches with the fewest errors: the exact ones just refused.
  if (exact.occurs) return null;
  const fuzzy = matchFuzzyQuote(text, quote.exact, context);
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' } : null;
}
