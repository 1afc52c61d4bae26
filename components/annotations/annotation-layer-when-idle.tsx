'use client';

import { useTranslations } from 'next-intl';
import { lazy, startTransition, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { whenIdle } from '@/lib/site/when-idle';
import type { AnnotationLayerProps } from './annotation-layer';

// Its own chunk, fetched and run once the page is interactive: none of it is needed to read.
const AnnotationLayer = lazy(() => import('./annotation-layer').then((module) => ({ default: module.AnnotationLayer })));

/**
 * Holds the notes button's place, not yet usable, until the layer that works it is loaded: the
 * label the layer starts with, so that nothing moves when it arrives.
 */
function NotesButtonPlaceholder() {
  const t = useTranslations('Annotations');
  return (
    <button type="button" className="notes-button" disabled>
      {t('notesCount', { count: 0 })}
    </button>
  );
}

/** Times the layer's start, from the idle moment to its first effects (`annotations:load`, read by bench:page). */
function LoadMeasure({ since }: { since: RefObject<number> }) {
  useEffect(() => void performance.measure('annotations:load', { start: since.current, end: performance.now() }), [since]);
  return null;
}

/**
 * The annotation layer, started after the article is interactive (issue 19,
 * docs/decisions/010-where-the-article-page-spends-a-slow-phone.md): hydrating the page then costs
 * what reading needs, and the notes, the live stream and the selection toolbar follow as soon as the
 * browser is idle.
 */
export function AnnotationLayerWhenIdle(props: AnnotationLayerProps) {
  const [started, setStarted] = useState(false);
  const since = useRef(0);
  // A transition: React renders the layer in slices that let input through.
  useEffect(
    () =>
      whenIdle(() => {
        since.current = performance.now();
        startTransition(() => setStarted(true));
      }),
    [],
  );
  if (!started) return <NotesButtonPlaceholder />;
  return (
    <Suspense fallback={<NotesButtonPlaceholder />}>
      <AnnotationLayer {...props} />
      <LoadMeasure since={since} />
    </Suspense>
  );
}
