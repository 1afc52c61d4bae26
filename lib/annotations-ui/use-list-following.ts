'use client';

import { useEffect, useRef, useState } from 'react';
import type { Anchored } from './page-anchoring';
import { visibleBandNow } from './reveal-passage';
import { noteBox, screenOrder } from './screen-order';

/** The list's order while it follows the reader (screen-order.ts), and which notes are on screen. */
export type Following = { order: string[]; onScreen: Set<string> };

/**
 * The open notes list (the hook lives in it) follows the reader: what is on screen first, reordered
 * once scrolling stops — not while a mouse is over the list, which would move what it is about to
 * click. A finger's tap leaves :hover behind where it was, so after a touch the list keeps following.
 */
export function useListFollowing(anchored: Anchored[]): Following | undefined {
  const [following, setFollowing] = useState<Following>();
  const lastPointer = useRef('mouse');
  useEffect(() => {
    const note = (event: PointerEvent) => (lastPointer.current = event.pointerType);
    window.addEventListener('pointerdown', note, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', note, { capture: true });
  }, []);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (opening = false) => {
      if (!opening && lastPointer.current !== 'touch' && document.querySelector('.note-panel:hover')) return;
      const boxes = anchored.filter((a) => a.ranges.length).map((a) => noteBox(a.annotation.id, a.ranges, a.counterpart));
      setFollowing(screenOrder(boxes, visibleBandNow()));
    };
    const frame = requestAnimationFrame(() => follow(true));
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => follow(), 150);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [anchored]);
  // Until its first frame, the list is in the page's order.
  return following;
}
