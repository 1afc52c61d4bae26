'use client';

import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { fragmentId } from '@/lib/reader/fragment';
import { fetchAnnotation } from './api';
import type { Anchored } from './page-anchoring';

/**
 * A link to `#annotation-<id>`, followed into the page or within it, loads that note (it may be on
 * any sentence): returned, to be anchored with the others, with the id still waiting to be shown
 * (`useLinkedArrival` claims it once the note is anchored).
 */
export function useLinkedNote(): { notes: ApiAnnotation[]; claim: (anchored: Anchored[]) => Anchored | undefined } {
  const [notes, setNotes] = useState<ApiAnnotation[]>([]);
  const waiting = useRef<string | null>(null);
  useEffect(() => {
    const follow = () => {
      const id = /^annotation-(.+)$/.exec(fragmentId(window.location.hash) ?? '')?.[1];
      if (!id) return;
      waiting.current = id;
      fetchAnnotation(id)
        .then((note) => setNotes([note]))
        .catch(() => {
          if (waiting.current === id) waiting.current = null;
        });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  /** The linked note among these, if it is there and not yet shown; taken once. */
  const claim = useCallback((anchored: Anchored[]) => {
    const target = waiting.current ? anchored.find((a) => a.annotation.id === waiting.current) : undefined;
    if (target) waiting.current = null;
    return target;
  }, []);
  return { notes, claim };
}

/**
 * Once the linked note is anchored, hands it to `onArrive` with the page as it is then (its view,
 * its panel) — once per link, even when the notes are anchored again afterwards.
 */
export function useLinkedArrival(
  claim: (anchored: Anchored[]) => Anchored | undefined,
  anchored: Anchored[],
  onArrive: (target: Anchored) => void,
) {
  const arrive = useEffectEvent(onArrive);
  useEffect(() => {
    const target = claim(anchored);
    if (target) arrive(target);
  }, [claim, anchored]);
}
