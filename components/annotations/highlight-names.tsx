'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext } from 'react';
import type { HighlightColor, HighlightNames } from '@/lib/annotations/vocabulary';

/** The reader's names for the colours, wherever their own notes are shown (none: the colour words). */
export const HighlightNamesContext = createContext<HighlightNames>({});

/** A colour's name for this reader: theirs, or the colour word in the interface's language. */
export function useColorName(): (color: HighlightColor) => string {
  const t = useTranslations('Annotations');
  const names = useContext(HighlightNamesContext);
  return (color) => names[color] ?? t(`colors.${color}`);
}

/** A colour drawn as the article paints it, with its name beside it: colour is never the only cue. */
export function ColorLabel({ color, className = '' }: { color: HighlightColor; className?: string }) {
  const name = useColorName();
  return (
    <span className={`color-label ${className}`}>
      <span className={`color-dot color-${color}`} aria-hidden="true" />
      {name(color)}
    </span>
  );
}
