'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { filtersToSearch, type ReviewFilters } from '@/lib/review/filter';
import { useArticleEvents } from '@/lib/live/use-article-events';
import { searchSharedNotes } from './api';

/** How many notes match; `capped`: at least that many (the server stops counting, review-search.ts). */
export type MatchCount = { count: number; capped: boolean };

type Initial = { notes: ApiAnnotation[]; next: string | null; matching: MatchCount };

/** Typing settles for this long before the server is asked. */
const typingMs = 250;

/**
 * The review page's matches when the article has too many notes to load them all (issue 12): each
 * change of the filters asks the server for the first page (the same filters and order the browser
 * would apply, lib/annotations/review-search.ts), "more" for the next; a live change asks again.
 */
export function useReviewSearch(slug: string, filters: ReviewFilters, initial: Initial, pageSize: number) {
  const [notes, setNotes] = useState(initial.notes);
  const [next, setNext] = useState(initial.next);
  const [matching, setMatching] = useState(initial.matching);
  const [loading, setLoading] = useState(false);
  const search = filtersToSearch(filters);
  const shown = useRef(search);
  const first = useRef(true);

  const load = useCallback(() => {
    shown.current = search;
    setLoading(true);
    searchSharedNotes(slug, search, null, pageSize)
      .then((page) => {
        if (shown.current !== search) return;
        setNotes(page.annotations);
        setNext(page.next);
        setMatching({ count: page.total, capped: page.totalCapped });
      })
      .catch(() => undefined)
      .finally(() => setLoading(false));
  }, [slug, search, pageSize]);

  useEffect(() => {
    // The server rendered the first page for the filters the page opened with.
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(load, typingMs);
    return () => clearTimeout(timer);
  }, [load]);

  const more = useCallback(() => {
    if (!next || loading) return;
    setLoading(true);
    searchSharedNotes(slug, search, next, pageSize)
      .then((page) => {
        if (shown.current !== search) return;
        setNotes((list) => [...list, ...page.annotations.filter((a) => !list.some((n) => n.id === a.id))]);
        setNext(page.next);
        setMatching({ count: page.total, capped: page.totalCapped });
      })
      .catch(() => undefined)
      .finally(() => setLoading(false));
  }, [slug, search, next, loading, pageSize]);

  const refresh = useRef(load);
  useEffect(() => {
    refresh.current = load;
  }, [load]);
  useArticleEvents(
    slug,
    () => refresh.current(),
    () => refresh.current(),
  );

  return { notes, setNotes, next, matching, loading, more };
}
