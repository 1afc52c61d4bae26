import { anchorSelectors } from '@/lib/anchoring/anchor';
import { offsetsToRange } from '@/lib/anchoring/dom-text-index';
import { sentencesAt } from '@/lib/anchoring/sentences-at';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import type { ArticleLang } from '@/lib/content/types';
import type { Anchored, PageTexts } from './page-anchoring';

// Its own module, loaded by use-anchored-notes.ts once there is a note to place: the fuzzy matching
// it brings (approx-string-match) is code a reader who opens no notes never needs.

function sentenceRanges(container: HTMLElement, lang: ArticleLang, ids: string[]): Range[] {
  return ids.flatMap((id) => {
    const element = container.querySelector(`.block[data-lang="${lang}"] [data-sid="${CSS.escape(id)}"]`);
    if (!element) return [];
    const range = document.createRange();
    range.selectNodeContents(element);
    return [range];
  });
}

/**
 * Anchors every annotation: position, then quote, then fuzzy quote (lib/anchoring). The sentences
 * it covers are taken from where it anchored (it may have moved), and their counterparts in the
 * other language are marked too.
 */
export function anchorAnnotations(container: HTMLElement, texts: PageTexts, annotations: ApiAnnotation[]): Anchored[] {
  return annotations.map((annotation) => {
    const index = texts[annotation.lang];
    const match = index ? anchorSelectors(index.text, annotation.target.selector) : null;
    if (!match) return { annotation, ranges: [], counterpart: [] };
    const ids = sentencesAt(index, match.start, match.end).map((s) => s.id);
    const other: ArticleLang = annotation.lang === 'zh' ? 'en' : 'zh';
    const range = offsetsToRange(index, match.start, match.end);
    if (range.collapsed) return { annotation, ranges: [], counterpart: [] };
    return { annotation, ranges: [range], counterpart: sentenceRanges(container, other, ids) };
  });
}
