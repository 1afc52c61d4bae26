'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { NoteCard } from '@/components/annotations/note-card';
import { fetchSessionUser, type SessionUser } from '@/lib/account/auth-client';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { AnnotationApiError, fetchSharedNotes, removeAnnotation } from '@/lib/annotations-ui/api';
import { useLiveAnnotations } from '@/lib/annotations-ui/use-live-annotations';
import { filterChoices, filterItems, filtersToSearch, reviewItem, verdictCounts, type ReviewFilters } from '@/lib/review/filter';
import { sectionTitle, type ArticleOutline } from '@/lib/review/outline';
import { ReviewFiltersForm } from './review-filters';

type Props = {
  slug: string;
  locale: 'zh' | 'en';
  outline: ArticleOutline;
  /** The first page, rendered by the server; the rest is loaded after. */
  initial: ApiAnnotation[];
  initialFilters: ReviewFilters;
  /** Counted by the server over every shared note, shown until the whole list has loaded. */
  initialCounts: { total: number; verdicts: Record<string, number> };
  revision: number;
};

const pageSize = 30;
const isPublic = (a: ApiAnnotation) => a.visibility === 'shared' && !a.hidden;

/**
 * Every shared note of an article, filtered and searched in the browser (all notes are loaded once;
 * only the first matches are rendered, more on request), kept current by live events.
 */
export function ReviewBoard({ slug, locale, outline, initial, initialFilters, initialCounts, revision }: Props) {
  const t = useTranslations('Review');
  const a = useTranslations('Annotations');
  const [notes, setNotes] = useState(initial);
  const [complete, setComplete] = useState(false);
  const [viewer, setViewer] = useState<SessionUser | null>(null);
  const [filters, setFilters] = useState(initialFilters);
  const [limit, setLimit] = useState(pageSize);
  const query = useDeferredValue(filters.query);

  // Page by page (500 notes each); the list shows the server's first matches until the last page is in.
  const reload = useCallback(() => {
    fetchSharedNotes(slug)
      .then((list) => {
        setNotes(list.filter(isPublic));
        setComplete(true);
      })
      .catch(() => undefined);
  }, [slug]);
  useEffect(() => {
    fetchSessionUser().then(setViewer);
    reload();
  }, [reload]);
  useLiveAnnotations(slug, {
    list: notes,
    update: (change) => setNotes((list) => change(list).filter(isPublic)),
    reload,
    viewerId: viewer?.id,
    since: revision,
  });

  const items = useMemo(() => notes.map((note) => reviewItem(note, outline)), [notes, outline]);
  const choices = useMemo(() => filterChoices(items), [items]);
  const counts = useMemo(() => (complete ? verdictCounts(items) : initialCounts.verdicts), [complete, items, initialCounts]);
  const matching = useMemo(() => filterItems(items, { ...filters, query }), [items, filters, query]);
  const shown = matching.slice(0, limit);

  const change = (next: ReviewFilters) => {
    setFilters(next);
    setLimit(pageSize);
    window.history.replaceState(null, '', `${window.location.pathname}${filtersToSearch(next)}`);
  };
  const upsert = (note: ApiAnnotation) => setNotes((list) => list.map((n) => (n.id === note.id ? note : n)));
  const remove = async (note: ApiAnnotation) => {
    if (!window.confirm(a('confirmDelete'))) return;
    try {
      await removeAnnotation(note.id);
      reload();
    } catch (error) {
      window.alert(error instanceof AnnotationApiError && error.status ? error.message : a('offline'));
    }
  };
  const signInHref = `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/articles/${slug}/review`)}`;

  return (
    <div className="review-board">
      <p className="review-counts" aria-live="polite">
        <span>{t('summary', { count: complete ? notes.length : initialCounts.total })}</span>
        {Object.entries(counts).map(([verdict, count]) => (
          <button
            key={verdict}
            type="button"
            className={`note-verdict verdict-${verdict}`}
            onClick={() => change({ ...filters, kind: 'claim', verdict })}
          >
            {t('claimsByVerdict', { count, verdict: t(`verdictWords.${verdict}`) })}
          </button>
        ))}
      </p>
      <ReviewFiltersForm filters={filters} choices={choices} sections={outline.sections} locale={locale} onChange={change} />
      <p className="review-matches" role="status">
        {complete ? t('matches', { shown: shown.length, total: matching.length }) : t('loading')}
      </p>
      <ol className="note-list review-list">
        {shown.map(({ note, aligned, section }) => (
          <li key={note.id}>
            <NoteCard annotation={note} viewerId={viewer?.id} signInHref={signInHref} onChange={upsert} onDelete={() => remove(note)}>
              {aligned && (
                <blockquote className="note-quote note-aligned" lang={note.lang === 'zh' ? 'en' : 'zh-Hans'}>
                  <span className="visually-hidden">{a('alignedQuote')}: </span>
                  {aligned}
                </blockquote>
              )}
              <p className="review-card-links">
                <span>{t('inSection', { section: sectionTitle(outline.sections[section], locale, t('opening')) })}</span>
                <a href={`/${locale}/articles/${slug}#annotation-${note.id}`}>{a('readInArticle')}</a>
              </p>
            </NoteCard>
          </li>
        ))}
      </ol>
      {matching.length > shown.length && (
        <button type="button" className="review-more" onClick={() => setLimit(limit + pageSize)}>
          {t('showMore')}
        </button>
      )}
    </div>
  );
}
