// @vitest-environment happy-dom
// The page's text is indexed per language when first asked for, once: a page nobody selects on or
// anchors in never pays for it, and no task indexes both languages at once (issue 19).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDomTextIndex } from '@/lib/anchoring/dom-text-index';
import { indexPage } from '@/lib/annotations-ui/page-anchoring';
import { articleSource } from './support/article';
import { renderArticleBody } from './support/render-article';

let container: HTMLElement;

beforeAll(async () => {
  container = await renderArticleBody({ zh: articleSource('zh'), en: articleSource('en') });
});

const indexed = () => performance.getEntriesByName('annotations:index-text').map((entry) => (entry as PerformanceMeasure).detail.lang);

describe('indexPage', () => {
  it('indexes a language the first time it is asked for, and only that one, once', () => {
    performance.clearMeasures('annotations:index-text');
    const texts = indexPage(container);
    expect(indexed()).toEqual([]);
    expect(texts.zh.text).toBe(buildDomTextIndex(container, 'zh').text);
    expect(texts.zh).toBe(texts.zh);
    expect(indexed()).toEqual(['zh']);
    expect(texts.en.text).toBe(buildDomTextIndex(container, 'en').text);
    expect(indexed()).toEqual(['zh', 'en']);
  });
});
