'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { ArticleLang } from '@/lib/content/types';
import { htmlLang } from '@/lib/content/types';
import { useSectionCounts } from '@/lib/reader/section-counts';
import { currentSection } from '@/lib/reader/sections';
import { useReadingView } from './reader-view';

export type ContentsList = { lang: ArticleLang; headings: { id: string; text: string }[] };

/** Where the contents become a rail beside the text: the same widths as `.toc` in globals.css. */
const railQuery = { single: '(min-width: 80rem)', bilingual: '(min-width: 118rem)' } as const;

/**
 * The contents: a disclosure above the text, or on wide screens a rail beside it, open, showing
 * the section being read and each section's note count. Each link targets the heading of its own
 * language, so the lists work without JavaScript in every view (CSS shows those of the view).
 */
export function ContentsRail({ lists }: { lists: ContentsList[] }) {
  const t = useTranslations('Article');
  const { view } = useReadingView();
  const counts = useSectionCounts();
  const details = useRef<HTMLDetailsElement>(null);
  const [rail, setRail] = useState(false);
  const [reading, setReading] = useState<string>();

  // On a rail the contents are open; leaving the rail gives back the reader's own open or closed.
  useEffect(() => {
    const query = window.matchMedia(view === 'bilingual' ? railQuery.bilingual : railQuery.single);
    const follow = () => setRail(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [view]);
  const openedByHand = useRef(false);
  useEffect(() => {
    if (!details.current) return;
    details.current.open = rail || openedByHand.current;
  }, [rail]);

  // The section being read, while the contents are open (closed, they cost nothing on scroll).
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      if (!details.current?.open) return;
      // A section is being read once its heading has risen into the top third of what the bar leaves visible.
      const bar = document.querySelector('.reader-toolbar')?.getBoundingClientRect().bottom ?? 0;
      const line = bar + (window.innerHeight - bar) / 3;
      const tops = lists[0].headings.flatMap(({ id }) => {
        const heading = [...document.querySelectorAll<HTMLElement>(`.block[data-block="${id}"]`)].find((h) => h.offsetParent);
        return heading ? [{ id, top: heading.getBoundingClientRect().top }] : [];
      });
      setReading(currentSection(tops, line));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    details.current?.addEventListener('toggle', schedule);
    const opened = details.current;
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      opened?.removeEventListener('toggle', schedule);
    };
  }, [lists, view]);

  return (
    <details
      ref={details}
      onToggle={(event) => {
        if (!rail) openedByHand.current = event.currentTarget.open;
      }}
    >
      <summary>{t('contents')}</summary>
      <div className="toc-lists">
        {lists.map(({ lang, headings }) => (
          <ol key={lang} data-lang={lang} lang={htmlLang[lang]}>
            {headings.map(({ id, text }) => {
              const count = counts.get(id) ?? 0;
              return (
                <li key={id} data-heading={id}>
                  <a href={`#${lang}-${id}`} aria-current={reading === id ? 'location' : undefined}>
                    {text}
                  </a>
                  {/* Its place is kept while empty: a count arriving with the notes must not rewrap the heading (a layout shift). */}
                  {count > 0 ? (
                    <span className="toc-count">
                      <span aria-hidden="true">{count}</span>
                      <span className="visually-hidden">{t('sectionNotes', { count })}</span>
                    </span>
                  ) : (
                    <span className="toc-count" data-empty="" aria-hidden="true" />
                  )}
                </li>
              );
            })}
          </ol>
        ))}
      </div>
    </details>
  );
}
