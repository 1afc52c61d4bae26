'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { NoteCard } from '@/components/annotations/note-card';
import { fetchSessionUser, type SessionUser } from '@/lib/account/auth-client';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { serverMessage, fetchSharedNotes, removeAnnotation } from '@/lib/annotations-ui/api';
import { useLiveAnnotations } from '@/lib/annotations-ui/use-live-annotations';
import { useReviewSearch, type MatchCount } from '@/lib/annotations-ui/use-review-search';
import {
  filterChoices,
  filterItems,
  filtersToSearch,
  reviewItem,
  verdictCounts,
  type ReviewFilters,
  type ReviewItem,
} from '@/lib/review/filter';
import { sectionTitle, type ArticleOutline } from '@/lib/review/outline';
import { ReviewFiltersForm } from './review-filters';
import { EditorRoleContext } from '@/components/annotations/editor-role';
import type { ArticleLang } from '@/lib/content/types';
import { isPublic } from '@/lib/annotations-ui/is-public';
import { ReadInArticle } from '@/components/note-list/read-in-article';

type Props = {
  slug: string;
  locale: ArticleLang;
  outline: ArticleOutline;
  /** The first page, rendered by the server; the rest is loaded after. */
  initial: ApiAnnotation[];
  initialFilters: ReviewFilters;
  /** Counted by the server over every shared note, shown until the whole list has loaded. */
  initialCounts: { total: number; verdicts: Record<string, number> };
  /** Where the server's first page of matches ends, and how many notes match in all. */
  initialNext: string | null;
  initialMatching: MatchCount;
  /** Too many notes to load them all: the server searches (useReviewSearch). */
  searchOnServer: boolean;
  revision: number;
};

const pageSize = 30;
/**
 * The shared notes of an article, filtered and searched: in the browser while the article has at most
 * 2,000 (all are loaded once, 500 a page; only the first matches are rendered, more on request), by
 * the server beyond (a page of matches at a time). Kept current by live events.
 */
export function ReviewBoard(props: Props) {
  return props.searchOnServer ? <ServerReviewBoard {...props} /> : <BrowserReviewBoard {...props} />;
}

function BrowserReviewBoard({ slug, locale, outline, initial, initialFilters, initialCounts, revision }: Props) {
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

  return (
    <ReviewView
      slug={slug}
      locale={locale}
      outline={outline}
      viewer={viewer}
      total={complete ? notes.length : initialCounts.total}
      counts={counts}
      filters={filters}
      choices={choices}
      shown={matching.slice(0, limit)}
      matching={complete ? { count: matching.length, capped: false } : null}
      onMore={matching.length > limit ? () => setLimit(limit + pageSize) : undefined}
      onFilters={(next) => {
        setFilters(next);
        setLimit(pageSize);
      }}
      onChange={(note) => setNotes((list) => list.map((n) => (n.id === note.id ? note : n)))}
      onRemoved={reload}
    />
  );
}

function ServerReviewBoard({ slug, locale, outline, initial, initialFilters, initialCounts, initialNext, initialMatching }: Props) {
  const [viewer, setViewer] = useState<SessionUser | null>(null);
  const [filters, setFilters] = useState(initialFilters);
  useEffect(() => void fetchSessionUser().then(setViewer), []);
  const search = useReviewSearch(slug, filters, { notes: initial, next: initialNext, matching: initialMatching }, pageSize);
  const items = useMemo(() => search.notes.map((note) => reviewItem(note, outline)), [search.notes, outline]);
  const choices = useMemo(() => filterChoices(items), [items]);
  return (
    <ReviewView
      slug={slug}
      locale={locale}
      outline={outline}
      viewer={viewer}
      total={initialCounts.total}
      counts={initialCounts.verdicts}
      filters={filters}
      choices={choices}
      shown={items}
      matching={search.loading && search.notes.length === 0 ? null : search.matching}
      onMore={search.next ? search.more : undefined}
      onFilters={setFilters}
      onChange={(note) => search.setNotes((list) => list.map((n) => (n.id === note.id ? note : n)))}
      // The removal comes back as a live event, which asks the server again.
      onRemoved={() => undefined}
    />
  );
}

type ViewProps = {
  slug: string;
  locale: ArticleLang;
  outline: ArticleOutline;
  viewer: SessionUser | null;
  total: number;
  counts: Record<string, number>;
  filters: ReviewFilters;
  choices: ReturnType<typeof filterChoices>;
  shown: ReviewItem[];
  /** How many notes match (null while not known). */
  matching: MatchCount | null;
  onMore?: () => void;
  onFilters: (filters: ReviewFilters) => void;
  onChange: (note: ApiAnnotation) => void;
  onRemoved: () => void;
};

/** The counts, the filters and the matching notes, however they were found. */
function ReviewView({
  slug,
  locale,
  outline,
  viewer,
  total,
  counts,
  filters,
  choices,
  shown,
  matching,
  onMore,
  onFilters,
  onChange,
  onRemoved,
}: ViewProps) {
  const t = useTranslations('Review');
  const a = useTranslations('Annotations');
  const change = (next: ReviewFilters) => {
    onFilters(next);
    window.history.replaceState(null, '', `${window.location.pathname}${filtersToSearch(next)}`);
  };
  const remove = async (note: ApiAnnotation) => {
    if (!window.confirm(a('confirmDelete'))) return;
    try {
      await removeAnnotation(note.id);
      onRemoved();
    } catch (error) {
      window.alert(serverMessage(error) ?? a('offline'));
    }
  };
  const signInHref = `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/articles/${slug}/review`)}`;

  return (
    <div className="review-board">
      <p className="review-counts" aria-live="polite">
        <span>{t('summary', { count: total })}</span>
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
        {matching !== null
          ? t('matches', { shown: shown.length, total: `${matching.count.toLocaleString(locale)}${matching.capped ? '+' : ''}` })
          : t('loading')}
      </p>
      {viewer?.role === 'editor' && (
        <p className="review-patch">
          <a href={`/api/articles/${slug}/suggestions/accepted.patch`} download>
            {a('suggestion.patch')}
          </a>
        </p>
      )}
      <EditorRoleContext value={viewer?.role === 'editor'}>
        <ol className="note-list review-list">
          {shown.map(({ note, aligned, section }) => (
            <li key={note.id}>
              <NoteCard annotation={note} viewerId={viewer?.id} signInHref={signInHref} onChange={onChange} onDelete={() => remove(note)}>
                {aligned && (
                  <blockquote className="note-quote note-aligned" lang={note.lang === 'zh' ? 'en' : 'zh-Hans'}>
                    <span className="visually-hidden">{a('alignedQuote')}: </span>
                    {aligned}
                  </blockquote>
                )}
                <p className="review-card-links">
                  <span>{t('inSection', { section: sectionTitle(outline.sections[section], locale, t('opening')) })}</span>
                  <ReadInArticle locale={locale} note={note} />
                </p>
              </NoteCard>
            </li>
          ))}
        </ol>
      </EditorRoleContext>
      {onMore && (
        <button type="button" className="review-more" onClick={onMore}>
          {t('showMore')}
        </button>
      )}
    </div>
  );
}
