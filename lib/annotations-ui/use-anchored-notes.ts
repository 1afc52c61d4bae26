'use client';

import { useEffect, useEffectEvent, useMemo, useState, type RefObject } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { paintHighlights } from './highlights';
import { codeOnDemand } from '@/lib/site/code-on-demand';
import type { Anchored, PageTexts } from './page-anchoring';
import { paintedNotes, type PaintChoice } from './paint-choice';

/** The anchoring code, loaded when a first note needs placing (a reader who opens none never needs it). */
const anchoringCode = codeOnDemand(() => import('./anchor-notes'));
export const { preload: preloadAnchoring, ask: askForAnchoring } = anchoringCode;

/** The first time the page shows anything of its notes (marks or highlights), as a performance mark. */
export function markFirstPaint() {
  if (performance.getEntriesByName('annotations:first-paint').length === 0) performance.mark('annotations:first-paint');
}

/**
 * Anchors the notes in the page's text, in both languages, and paints those the reader's choice
 * shows with the CSS Custom Highlight API (no DOM changes); `active` ones are lit. Anchoring runs
 * only when the notes change; a new choice or a newly lit note repaints what is anchored. Its code is
 * fetched when the notes' places are first wanted (everyone's notes on an article with few are
 * fetched for the list and the "everyone" paint, and need no placing until then); notes wait
 * unplaced until it has come.
 */
export function useAnchoredNotes(
  page: { container: RefObject<HTMLElement | null>; texts: RefObject<PageTexts | null> },
  annotations: ApiAnnotation[],
  {
    paint,
    viewerId,
    active,
    wanted,
  }: {
    paint: PaintChoice;
    viewerId: string | undefined;
    active: Set<string>;
    /** Whether anything shows the notes' places yet (a paint, a panel, a link): until then their anchoring waits. */
    wanted: boolean;
  },
) {
  const [anchored, setAnchored] = useState<Anchored[]>([]);
  const { code, failed } = anchoringCode.useCode(wanted && annotations.length > 0);
  const painted = useMemo(() => paintedNotes(anchored, paint, viewerId), [anchored, paint, viewerId]);
  // Anchor and paint in one go, timed for the benchmark (bench/annotations.ts reads the measure).
  const paintPlaced = useEffectEvent((placed: Anchored[]) =>
    paintHighlights(paintedNotes(placed, paint, viewerId), placed, active, viewerId),
  );
  useEffect(() => {
    const { container, texts } = page;
    if (!container.current || !texts.current) return;
    if (annotations.length > 0 && !code) return;
    const start = performance.now();
    const placed = code ? code.anchorAnnotations(container.current, texts.current, annotations) : [];
    paintPlaced(placed);
    performance.measure('annotations:anchor-and-paint', { start, end: performance.now(), detail: { count: annotations.length } });
    if (annotations.length) markFirstPaint();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- anchoring reads the rendered page: it can only run after a commit
    setAnchored(placed);
  }, [page, annotations, code]);
  useEffect(() => paintHighlights(painted, anchored, active, viewerId), [painted, anchored, active, viewerId]);
  // Every note gets an entry once anchored (an orphan too): none yet means the notes wait for their places.
  const placing = wanted && annotations.length > 0 && anchored.length === 0 && !failed;
  return { anchored, painted, placing, failed };
}
