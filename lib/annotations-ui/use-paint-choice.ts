'use client';

import { useCallback, useEffect, useState } from 'react';
import { loadPaintChoice, savePaintChoice, type PaintChoice } from './paint-choice';

/**
 * What the reader chose to see painted, remembered in this browser. Read after the first render:
 * the server cannot know it, and the page must hydrate as the server drew it.
 */
export function usePaintChoice(): [PaintChoice, (choice: PaintChoice) => void] {
  const [paint, setPaint] = useState<PaintChoice>('mine');
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the stored choice exists only in the browser, after hydration
  useEffect(() => setPaint(loadPaintChoice()), []);
  const choose = useCallback((choice: PaintChoice) => {
    setPaint(choice);
    savePaintChoice(choice);
  }, []);
  return [paint, choose];
}
