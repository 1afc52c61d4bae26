import type { ApiAnnotation } from '@/lib/annotations/serialize';
import type { ArticleOutline } from './outline';
import { alignedText, queryWords, searchFields } from './search-fields';

export type ReviewFilters = {
  kind: string;
  verdict: string;
  tag: string;
  author: string;
  lang: string;
  section: string;
  query: string;
  order: 'reading' | 'newest';
  /** Only on the reader's own notes ("My notes"): 'private' or 'shared'; the review page lists shared notes only. */
  visibility?: string;
};

export const noFilters: ReviewFilters = { kind: '', verdict: '', tag: '', author: '', lang: '', section: '', query: '', order: 'reading' };

/** A note as the review page lists it: the note, its aligned text and what filtering needs, computed once. */
export type ReviewItem = {
  note: ApiAnnotation;
  /** The sentences the note spans, in the other language. */
  aligned: string;
  section: number;
  order: number;
  /** Lowercased note, quotes, tags, author and replies: what the search box looks through. */
  haystack: string;
};

export function reviewItem(note: ApiAnnotation, outline: ArticleOutline): ReviewItem {
  const fields = searchFields(
    {
      lang: note.lang,
      blockId: note.blockId,
      sentenceIds: note.sentenceIds,
      exact: note.target.selector[0].exact,
      start: note.target.selector[1].start,
      body: note.body,
      suggestion: note.suggestion?.text ?? null,
      tags: note.tags,
      authorName: note.author.name,
      replies: note.replies.map((reply) => ({ body: reply.body, authorName: reply.author.name })),
    },
    outline,
  );
  return {
    note,
    aligned: alignedText(note, outline),
    section: fields.section,
    order: fields.readingOrder,
    haystack: fields.searchText,
  };
}

/** The items that pass every filter, in the chosen order. Case-insensitive; every word of the query must appear. */
export function filterItems(items: ReviewItem[], filters: ReviewFilters): ReviewItem[] {
  const words = queryWords(filters.query);
  const section = filters.section === '' ? -1 : Number(filters.section);
  const kept = items.filter(
    ({ note, haystack, section: s }) =>
      (!filters.kind || note.kind === filters.kind) &&
      (!filters.verdict || note.verdict === filters.verdict) &&
      (!filters.tag || note.tags.includes(filters.tag)) &&
      (!filters.author || note.author.id === filters.author) &&
      (!filters.lang || note.lang === filters.lang) &&
      (!filters.visibility || note.visibility === filters.visibility) &&
      (section < 0 || s === section) &&
      words.every((word) => haystack.includes(word)),
  );
  // Ties broken by id, as the server's search breaks them (lib/annotations/review-search.ts).
  const byId = (a: ReviewItem, b: ReviewItem) => (a.note.id < b.note.id ? -1 : a.note.id > b.note.id ? 1 : 0);
  return filters.order === 'newest'
    ? kept.sort((a, b) => b.note.createdAt.localeCompare(a.note.createdAt) || byId(b, a))
    : kept.sort((a, b) => a.order - b.order || a.note.createdAt.localeCompare(b.note.createdAt) || byId(a, b));
}

/** Claims per verdict, for the counts at the top of the page. */
export function verdictCounts(items: ReviewItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { note } of items)
    if (note.kind === 'claim' && note.verdict && !note.deleted) counts[note.verdict] = (counts[note.verdict] ?? 0) + 1;
  return counts;
}

/** The choices the filter menus offer: only values some note has. */
export function filterChoices(items: ReviewItem[]) {
  const tags = new Set<string>();
  const authors = new Map<string, string>();
  for (const { note } of items) {
    note.tags.forEach((tag) => tags.add(tag));
    if (!note.deleted) authors.set(note.author.id, note.author.name);
  }
  return {
    tags: [...tags].sort(),
    authors: [...authors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

type Search = URLSearchParams | Record<string, string | string[] | undefined>;

function searchParam(search: Search, key: string): string {
  const value = search instanceof URLSearchParams ? search.get(key) : search[key];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Filters to and from the page's query string, so a filtered view can be shared as a link. */
export function filtersFromSearch(search: Search): ReviewFilters {
  const get = (key: string) => searchParam(search, key);
  return {
    kind: get('kind'),
    verdict: get('verdict'),
    tag: get('tag'),
    author: get('author'),
    lang: get('lang'),
    section: get('section'),
    query: get('q'),
    order: get('order') === 'newest' ? 'newest' : 'reading',
  };
}

/** The filters of "My notes": the review page's, plus visibility. */
export function ownFiltersFromSearch(search: Search): ReviewFilters {
  return { ...filtersFromSearch(search), visibility: searchParam(search, 'visibility') };
}

export function filtersToSearch(filters: ReviewFilters): string {
  const params = new URLSearchParams();
  const { query, order, ...rest } = filters;
  for (const [key, value] of Object.entries(rest)) if (value) params.set(key, value);
  if (query) params.set('q', query);
  if (order !== 'reading') params.set('order', order);
  const text = params.toString();
  return text ? `?${text}` : '';
}
