'use client';

import { useEffect, useEffectEvent, type RefObject } from 'react';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import { sentenceAtPoint } from './discussion';
import { annotationsAt } from './highlights';
import type { Anchored } from './page-anchoring';

type Handlers = {
  /** A click on painted notes: their ids. */
  onNotes: (ids: string[]) => void;
  /** A click on a discussed sentence outside any painted note. */
  onSentence: (sentenceId: string) => void;
  /** The painted notes under the mouse, as it moves (none: an empty list). */
  onHover: (ids: string[]) => void;
};

/**
 * Clicking a highlight opens its notes, and clicking a discussed sentence elsewhere opens that
 * sentence's notes; hovering a highlight lights it up with its counterpart (`onHover`). Only
 * what is painted answers: with nothing painted (`discussed` undefined), the text is just text.
 */
export function usePointerOnNotes(
  container: RefObject<HTMLElement | null>,
  painted: Anchored[],
  discussed: ArticleSummary['sentences'] | undefined,
  handlers: Handlers,
) {
  const isDiscussed = useEffectEvent((sentenceId: string | undefined) => !!(sentenceId && discussed?.[sentenceId]));
  const onNotes = useEffectEvent(handlers.onNotes);
  const onSentence = useEffectEvent(handlers.onSentence);
  const onHover = useEffectEvent(handlers.onHover);
  useEffect(() => {
    const body = container.current?.querySelector<HTMLElement>('.article-body');
    if (!body) return;
    let frame = 0;
    const onClick = (event: MouseEvent) => {
      // While the reader looks words up by clicking, a click is a lookup (components/learning/word-lookup.tsx).
      if (!document.getSelection()?.isCollapsed || body.closest('[data-word-lookup]')) return;
      const ids = annotationsAt(painted, event.clientX, event.clientY);
      if (ids.length) return onNotes(ids);
      const sentenceId = sentenceAtPoint(event.clientX, event.clientY);
      if (sentenceId && isDiscussed(sentenceId)) onSentence(sentenceId);
    };
    const onMove = (event: MouseEvent) => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const ids = annotationsAt(painted, event.clientX, event.clientY);
        onHover(ids);
        body.classList.toggle('over-note', ids.length > 0);
        const sentenceId = ids.length ? undefined : sentenceAtPoint(event.clientX, event.clientY);
        body.classList.toggle('over-discussion', isDiscussed(sentenceId));
      });
    };
    body.addEventListener('click', onClick);
    body.addEventListener('mousemove', onMove);
    return () => {
      cancelAnimationFrame(frame);
      body.removeEventListener('click', onClick);
      body.removeEventListener('mousemove', onMove);
    };
  }, [container, painted]);
}
