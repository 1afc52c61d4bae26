'use client';

import { useTranslations } from 'next-intl';
import { useDeferredValue, useMemo, useState } from 'react';
import { LoadFailed, SignInFirst } from '@/components/note-list/list-problem';
import { ExchangeMenu } from '@/components/review/exchange-menu';
import { ReviewFiltersForm } from '@/components/review/review-filters';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { fetchOwnAnnotations, removeAnnotation, serverMessage } from '@/lib/annotations-ui/api';
import { useFetchedList } from '@/lib/annotations-ui/use-fetched-list';
import { filterChoices, filterItems, filtersToSearch, reviewItem, type ReviewFilters, type ReviewItem } from '@/lib/review/filter';
import type { ArticleOutline } from '@/lib/review/outline';
import { MyNoteItem } from './my-note-item';
import type { ArticleLang } from '@/lib/content/types';

type ArticleEntry = { slug: string; title: string; outline?: ArticleOutline };

type Props = {
  locale: ArticleLang;
  /** Every article, newest first: the order of the groups. */
  articles: ArticleEntry[];
  initialFilters: ReviewFilters;
};

const pageSize = 50;
// A note on an article that is gone still lists, without aligned text or reading order.
const noOutline: ArticleOutline = { sections: [], blocks: {}, sentences: {} };

/** The reader's notes grouped by article, filtered and searched in the browser; each can be shared or made private. */
export function MyNotesBoard({ locale, articles, initialFilters }: Props) {
  const t = useTranslations('MyNotes');
  const a = useTranslations('Annotations');
  const { list: notes, setList: setNotes, problem, reload } = useFetchedList(fetchOwnAnnotations);
  const [filters, setFilters] = useState(initialFilters);
  const [limit, setLimit] = useState(pageSize);
  const query = useDeferredValue(filters.query);

  const byArticle = useMemo(() => new Map(articles.map((article, rank) => [article.slug, { ...article, rank }])), [articles]);
  const items = useMemo(
    () => (notes ?? []).map((note) => reviewItem(note, byArticle.get(note.article)?.outline ?? noOutline)),
    [notes, byArticle],
  );
  const choices = useMemo(() => ({ tags: filterChoices(items).tags }), [items]);
  const matching = useMemo(() => {
    const rank = (item: ReviewItem) => byArticle.get(item.note.article)?.rank ?? articles.length;
    // A stable sort: articles in index order (any gone since by slug), notes inside each in the order the filters chose.
    return filterItems(items, { ...filters, query }).sort((x, y) => rank(x) - rank(y) || x.note.article.localeCompare(y.note.article));
  }, [items, filters, query, byArticle, articles.length]);
  const groups = useMemo(() => groupByArticle(matching.slice(0, limit)), [matching, limit]);
  const perArticle = useMemo(() => countBy(matching, (item) => item.note.article), [matching]);

  if (problem?.kind === 'signed-out') return <SignInFirst list="my-notes" locale={locale} />;
  // Anything else, a refusal too, is a failure to load.
  if (problem) return <LoadFailed list="my-notes" message={problem.message} onRetry={reload} />;
  if (!notes)
    return (
      <p className="my-notes-message" role="status">
        {t('loading')}
      </p>
    );
  if (notes.length === 0)
    return <p className="my-notes-message">{t.rich('empty', { link: (text) => <a href={`/${locale}`}>{text}</a> })}</p>;

  // Every note is the reader's own: its author is the viewer.
  const viewerId = notes[0].author.id;
  const shared = notes.filter((n) => n.visibility === 'shared').length;
  const hidden = notes.filter((n) => n.hidden).length;
  const change = (next: ReviewFilters) => {
    setFilters(next);
    setLimit(pageSize);
    window.history.replaceState(null, '', `${window.location.pathname}${filtersToSearch(next)}`);
  };
  const upsert = (note: ApiAnnotation) => setNotes((list) => list?.map((n) => (n.id === note.id ? note : n)));
  const remove = async (note: ApiAnnotation) => {
    if (!window.confirm(a('confirmDelete'))) return;
    try {
      await removeAnnotation(note.id);
      setNotes((list) => list?.filter((n) => n.id !== note.id));
    } catch (error) {
      window.alert(serverMessage(error) ?? t('offline'));
    }
  };

  return (
    <div className="my-notes-board">
      <ExchangeMenu exportPath="/api/me/annotations/export" onImported={reload} />
      <p className="my-notes-summary">{t('summary', { count: notes.length, shared, private: notes.length - shared })}</p>
      {hidden > 0 && <p className="my-notes-hidden-summary">{t('hiddenSummary', { count: hidden })}</p>}
      <ReviewFiltersForm filters={filters} choices={choices} locale={locale} onChange={change} withVisibility />
      <p className="review-matches" role="status">
        {t('matches', { shown: Math.min(limit, matching.length), total: matching.length })}
      </p>
      {groups.map(([slug, group]) => (
        <section key={slug} className="my-notes-group" aria-labelledby={`my-notes-${slug}`}>
          <h2 id={`my-notes-${slug}`}>
            <a href={`/${locale}/articles/${slug}`}>{byArticle.get(slug)?.title ?? slug}</a>{' '}
            <span className="my-notes-count">{t('count', { count: perArticle.get(slug) ?? group.length })}</span>
          </h2>
          <ol className="note-list my-notes-list">
            {group.map((item) => (
              <li key={item.note.id} className="my-note">
                <MyNoteItem item={item} locale={locale} viewerId={viewerId} onChange={upsert} onDelete={() => remove(item.note)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {matching.length > limit && (
        <button type="button" className="review-more" onClick={() => setLimit(limit + pageSize)}>
          {t('showMore')}
        </button>
      )}
    </div>
  );
}

/** Consecutive items of one article, in order (the list is already sorted by article). */
function groupByArticle(items: ReviewItem[]): [string, ReviewItem[]][] {
  const groups: [string, ReviewItem[]][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.[0] === item.note.article) last[1].push(item);
    else groups.push([item.note.article, [item]]);
  }
  return groups;
}

function countBy<T>(list: T[], key: (value: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of list) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  return counts;
}
