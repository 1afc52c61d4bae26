import { describeOffsets } from '@/lib/anchoring/describe';
import { buildDomTextIndex, rangeToOffsets, type DomTextIndex } from '@/lib/anchoring/dom-text-index';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import type { ArticleLang } from '@/lib/content/types';

export type PageTexts = Record<ArticleLang, DomTextIndex>;

/** An annotation placed in the page: its ranges (none for an orphan) and the aligned sentences of the other language. */
export type Anchored = { annotation: ApiAnnotation; ranges: Range[]; counterpart: Range[] };

/** What a new annotation needs to know about a selection. */
export type DescribedSelection = {
  lang: ArticleLang;
  blockId: string;
  sentenceIds: string[];
  selector: ApiAnnotation['target']['selector'];
  quote: string;
};

/** Indexes the text of both languages once: text nodes never change after the server renders them. */
/**
 * The page's text in each language, indexed the first time it is asked for (one language per call,
 * timed as `annotations:index-text`): a page nobody selects on or anchors in never pays for it.
 */
export function indexPage(container: HTMLElement): PageTexts {
  const built: Partial<PageTexts> = {};
  const index = (lang: ArticleLang) => {
    if (!built[lang]) {
      const start = performance.now();
      built[lang] = buildDomTextIndex(container, lang);
      performance.measure('annotations:index-text', { start, end: performance.now(), detail: { lang } });
    }
    return built[lang];
  };
  return {
    get zh() {
      return index('zh');
    },
    get en() {
      return index('en');
    },
  };
}

/** Describes a selection in the article as selectors, or null when it is not inside one language's sentences. */
export function describeSelection(texts: PageTexts, range: Range): DescribedSelection | null {
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const lang = start?.closest<HTMLElement>('.block[data-lang]')?.dataset.lang as ArticleLang | undefined;
  if (!lang || !texts[lang]) return null;
  const offsets = rangeToOffsets(texts[lang], range);
  if (!offsets) return null;
  const description = describeOffsets(texts[lang], offsets.start, offsets.end);
  if (!description) return null;
  const [quote, position] = description.selectors;
  return {
    lang,
    blockId: description.blockId,
    sentenceIds: description.sentenceIds,
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ],
    quote: quote.exact,
  };
}
