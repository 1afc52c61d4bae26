'use client';

import { useTranslations } from 'next-intl';
import type { MouseEvent } from 'react';
import { readingViews, type ReadingView } from '@/lib/reader/views';
import { useReadingView } from './reader-view';

/**
 * Chinese / English / bilingual. Links first (they work with JavaScript off: the server renders the
 * asked-for view), upgraded to an in-place switch that keeps the reading position.
 */
export function ReadingModeControl() {
  const t = useTranslations('ReadingMode');
  const { view, setView } = useReadingView();

  const choose = (next: ReadingView) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    setView(next);
  };

  return (
    <nav className="mode-control" aria-label={t('label')}>
      <ul>
        {readingViews.map((option) => (
          <li key={option}>
            <a href={`?view=${option}`} aria-current={option === view ? 'true' : undefined} onClick={choose(option)}>
              {t(option)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
