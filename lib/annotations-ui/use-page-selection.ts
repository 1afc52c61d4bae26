'use client';

import { useEffect, useState, type RefObject } from 'react';
import { describeSelection, type DescribedSelection, type PageTexts } from './page-anchoring';

/** A selection inside the article's sentences, and where it ends on screen (for the toolbar). */
export type PageSelection = { described: DescribedSelection; at: { x: number; y: number } };

const toolbar = '.selection-toolbar';

/**
 * Follows the reader's selection, once a frame: a selection inside the article's sentences is
 * described for anchoring; anything else clears it. Keyboard selections (caret browsing, touch
 * keyboards) reach the toolbar with Tab.
 */
export function usePageSelection(texts: RefObject<PageTexts | null>) {
  const [selection, setSelection] = useState<PageSelection>();
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      // While the toolbar has keyboard focus, the selection it acts on stays as it was.
      if (document.activeElement?.closest(toolbar)) return;
      const current = document.getSelection();
      if (!current || current.isCollapsed || current.rangeCount === 0 || !texts.current) return setSelection(undefined);
      const range = current.getRangeAt(0);
      const described = describeSelection(texts.current, range);
      if (!described) return setSelection(undefined);
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      setSelection({ described, at: { x: last.left, y: last.bottom } });
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const onKey = (event: KeyboardEvent) => {
      const first = document.querySelector<HTMLElement>(`${toolbar} button, ${toolbar} a`);
      if (event.key !== 'Tab' || event.shiftKey || !first || document.activeElement?.closest(toolbar)) return;
      event.preventDefault();
      first.focus();
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('keydown', onKey);
    // A passage selected before the notes layer was loaded gets its toolbar too.
    onChange();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('keydown', onKey);
    };
  }, [texts]);
  return [selection, setSelection] as const;
}
