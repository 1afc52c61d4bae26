'use client';

import { useEffect, useMemo, useRef } from 'react';
import { indexPage, type PageTexts } from './page-anchoring';

/**
 * The article on the page (`.reader`) and its text indexed for anchoring, once, after hydration.
 * Refs, not state: the text is server-rendered and does not change while the page lives.
 */
export function usePageText() {
  const container = useRef<HTMLElement | null>(null);
  const texts = useRef<PageTexts | null>(null);
  useEffect(() => {
    container.current = document.querySelector<HTMLElement>('.reader');
    const start = performance.now();
    if (container.current) texts.current = indexPage(container.current);
    performance.measure('annotations:index-text', { start, end: performance.now() });
  }, []);
  // One object for the page's life, so that effects depending on it run once.
  return useMemo(() => ({ container, texts }), []);
}
