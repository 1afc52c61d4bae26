'use client';

import { useEffect, useMemo, useRef } from 'react';
import { whenIdle } from '@/lib/site/when-idle';
import { buildDomTextIndex, type DomTextIndex } from '@/lib/anchoring/dom-text-index';
import type { ArticleLang } from '@/lib/content/types';
import type { PageTexts } from './page-anchoring';

/** The page's text in each language, indexed the first time it is asked for. */
export function lazyPageTexts(container: HTMLElement): PageTexts {
  const built: Partial<Record<ArticleLang, DomTextIndex>> = {};
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

/**
 * The article on the page (`.reader`) and its text indexed for anchoring, after hydration.
 * Refs, not state: the text is server-rendered and does not change while the page lives. Each
 * language is indexed in an idle moment of its own (a slow phone takes ~50 ms a language), or at
 * once when something needs it sooner (a selection, notes to anchor).
 */
export function usePageText() {
  const container = useRef<HTMLElement | null>(null);
  const texts = useRef<PageTexts | null>(null);
  useEffect(() => {
    container.current = document.querySelector<HTMLElement>('.reader');
    if (!container.current) return;
    const page = lazyPageTexts(container.current);
    texts.current = page;
    let cancel = whenIdle(() => {
      void page.zh;
      cancel = whenIdle(() => void page.en);
    });
    return () => cancel();
  }, []);
  // One object for the page's life, so that effects depending on it run once.
  return useMemo(() => ({ container, texts }), []);
}
