'use client';

import { useEffect, useMemo, useRef } from 'react';
import { whenIdle } from '@/lib/site/when-idle';
import { indexPage, type PageTexts } from './page-anchoring';

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
    const page = indexPage(container.current);
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
