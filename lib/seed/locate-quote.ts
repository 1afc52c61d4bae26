import { describeOffsets } from '@/lib/anchoring/describe';
import type { TextPositionSelector, TextQuoteSelector } from '@/lib/anchoring/types';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import type { ArticleLang } from '@/lib/content/types';
import type { DemoNote } from './demo-data';

/** The article the demo notes are written on. */
export const demoArticle = 'deepseek-capex';

/** Where a demo note's quote sits, in the shape the annotation API takes. */
export type LocatedQuote = {
  blockId: string;
  sentenceIds: string[];
  target: { selector: [Required<TextQuoteSelector>, TextPositionSelector] };
};

/** Every start offset of `quote` in `text`, in order (overlapping matches included). */
function offsetsOf(text: string, quote: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) offsets.push(at);
  return offsets;
}

/**
 * Finds `quote` in one language's canonical text of the demo article and describes it as the
 * reader's selection toolbar would. Without `occurrence` the quote must be unique, so that the seed
 * never silently anchors to a different passage after an edit to the article; with it, the
 * occurrence-th match (1-based) is taken. Throws an Error naming the quote otherwise.
 */
export function locateQuote(lang: ArticleLang, quote: string, occurrence?: number): LocatedQuote {
  const canonical = articleCanonicalText(demoArticle, lang);
  const offsets = offsetsOf(canonical.text, quote);
  const label = `Demo quote ${JSON.stringify(quote)} (${lang})`;
  if (offsets.length === 0) throw new Error(`${label} is not in the canonical text of ${demoArticle}.`);
  if (occurrence === undefined && offsets.length > 1) {
    throw new Error(`${label} occurs ${offsets.length} times; give its occurrence or quote a longer passage.`);
  }
  const index = (occurrence ?? 1) - 1;
  if (!Number.isInteger(index) || index < 0 || index >= offsets.length) {
    throw new Error(`${label} occurs ${offsets.length} time(s); occurrence ${occurrence} does not exist.`);
  }
  const start = offsets[index];
  const description = describeOffsets(canonical, start, start + quote.length);
  // describeOffsets trims whitespace: a quote that changed would no longer be what the note quotes.
  if (!description || description.selectors[0].exact !== quote) {
    throw new Error(`${label} cannot be described as it stands (blank, or with surrounding whitespace).`);
  }
  return { blockId: description.blockId, sentenceIds: description.sentenceIds, target: { selector: description.selectors } };
}

/**
 * The body of `POST /api/articles/deepseek-capex/annotations` (before validation) for one demo
 * note: its located quote plus its fields. `resolved` is not part of it: the seed sets it after creating the note.
 */
export function demoAnnotationInput(note: DemoNote) {
  return {
    lang: note.lang,
    ...locateQuote(note.lang, note.quote, note.occurrence),
    kind: note.kind,
    ...(note.kind === 'claim' ? { verdict: note.verdict ?? 'unverified', sourceUrl: note.sourceUrl ?? null } : {}),
    body: note.body,
    tags: note.tags,
    visibility: note.visibility,
  };
}
