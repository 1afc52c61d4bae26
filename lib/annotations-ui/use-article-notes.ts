'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { useArticleEvents } from '@/lib/live/use-article-events';
import type { ArticleChangeEvent } from '@/lib/live/live-event';
import { changesDuringLoad, type ListChange } from './changes-during-load';
import { fetchOwnArticleNotes, fetchSentenceNotes, fetchSharedPage, fetchSummary } from './api';
import { mergeSummary } from './summary-delta';
import { isPublic } from './is-public';

/** A sentence whose notes are open: the pages loaded so far and where the next starts. */
export type OpenSentence = { id: string; notes: ApiAnnotation[]; next: string | null; loading: boolean };

const upsert = (list: ApiAnnotation[], note: ApiAnnotation) =>
  list.some((n) => n.id === note.id) ? list.map((n) => (n.id === note.id ? note : n)) : [...list, note];

/** Several changes in a row are one refetch of the counts (revalidated by ETag, so cheap anyway). */
const summaryDelayMs = 300;

/**
 * Up to this many shared notes, an article's are all loaded (one page) and painted, as a short
 * discussion reads best; beyond, the reader sees the marks and opens sentences.
 */
export const everyoneLimit = 200;

/**
 * What the reader of an article knows about its notes (docs/decisions/009): how much discussion each
 * sentence has (the summary), the reader's own notes, the notes of the sentence they opened, a page
 * at a time, and everyone's while there are at most 200. Never more than a page of other readers'
 * notes at once: the cost follows what the reader looks at. Kept current by live events; after a gap
 * in them, everything shown is read again.
 */
export function useArticleNotes(slug: string, viewerId: string | null | undefined) {
  const [summary, setSummary] = useState<ArticleSummary>();
  const [own, setOwn] = useState<ApiAnnotation[]>([]);
  // What the page does to the reader's notes while they load is replayed on the loaded list.
  const [ownLoads] = useState(() => changesDuringLoad<ApiAnnotation>());
  const changeOwn = useCallback(
    (change: ListChange<ApiAnnotation>) => {
      ownLoads.record(change);
      setOwn(change);
    },
    [ownLoads],
  );
  const [sentence, setSentence] = useState<OpenSentence | null>(null);
  // Everyone's shared notes, while there are few enough (null: too many, or not known yet).
  const [everyone, setEveryone] = useState<ApiAnnotation[] | null>(null);
  const opened = useRef<OpenSentence | null>(null);
  // The notes that came by a live event (not by loading the page): the list may hold these back.
  const [liveArrivals, setLiveArrivals] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    opened.current = sentence;
  }, [sentence]);

  // The revision the latest live event announced: a summary older than that came from a cache (nginx
  // keeps public answers for a second, deploy/nginx.conf) and is asked for again a moment later.
  const announced = useRef(0);
  // Once a summary is held, only what changed since it is asked for (a few sentences, not the whole
  // article's) and merged in (summary-delta.ts).
  const held = useRef<ArticleSummary>(undefined);
  useEffect(() => {
    held.current = summary;
  }, [summary]);
  const loadSummary = useCallback(() => {
    const load = (tries: number) =>
      fetchSummary(slug, held.current?.revision)
        .then((fresh) => {
          setSummary((current) => mergeSummary(current, fresh));
          if (fresh.revision < announced.current && tries > 1) setTimeout(() => load(tries - 1), 1000);
        })
        .catch(() => undefined);
    void load(3);
  }, [slug]);
  const loadOwn = useCallback(() => {
    if (!viewerId) return setOwn([]);
    const load = ownLoads.begin();
    fetchOwnArticleNotes(slug)
      .then((list) => {
        const settled = load.settle(list);
        if (settled) setOwn(settled);
      })
      .catch(() => load.drop());
  }, [slug, viewerId, ownLoads]);
  useEffect(() => loadSummary(), [loadSummary]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- signing out empties the reader's own notes at once
  useEffect(loadOwn, [loadOwn]);
  const few = summary !== undefined && summary.totals.notes <= everyoneLimit;
  const loadEveryone = useCallback(() => {
    fetchSharedPage(slug, everyoneLimit)
      .then((page) => setEveryone(page.next ? null : page.annotations))
      .catch(() => undefined);
  }, [slug]);
  useEffect(() => {
    if (few) loadEveryone();
  }, [few, loadEveryone]);

  const openSentence = useCallback(
    (id: string) => {
      setSentence({ id, notes: [], next: null, loading: true });
      fetchSentenceNotes(slug, id)
        .then((page) =>
          setSentence((current) => (current?.id === id ? { id, notes: page.annotations, next: page.next, loading: false } : current)),
        )
        .catch(() => setSentence((current) => (current?.id === id ? { ...current, loading: false } : current)));
    },
    [slug],
  );
  const moreOfSentence = useCallback(() => {
    const current = opened.current;
    if (!current?.next || current.loading) return;
    setSentence({ ...current, loading: true });
    fetchSentenceNotes(slug, current.id, current.next)
      .then((page) =>
        setSentence((now) =>
          now?.id === current.id
            ? {
                ...now,
                notes: [...now.notes, ...page.annotations.filter((a) => !now.notes.some((n) => n.id === a.id))],
                next: page.next,
                loading: false,
              }
            : now,
        ),
      )
      .catch(() => setSentence((now) => (now ? { ...now, loading: false } : now)));
  }, [slug]);
  const closeSentence = useCallback(() => setSentence(null), []);

  const summaryTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(summaryTimer.current), []);
  const onEvent = (event: ArticleChangeEvent) => {
    announced.current = Math.max(announced.current, event.revision);
    clearTimeout(summaryTimer.current);
    summaryTimer.current = setTimeout(() => loadSummary(), summaryDelayMs);
    if (event.type === 'annotation') {
      const note = event.annotation;
      setLiveArrivals((ids) => (ids.has(note.id) ? ids : new Set(ids).add(note.id)));
      if (note.author.id === viewerId) changeOwn((list) => upsert(list, note));
      setEveryone((list) => (list && isPublic(note) ? upsert(list, note) : list));
      setSentence((current) =>
        current && note.sentenceIds.includes(current.id) ? { ...current, notes: upsert(current.notes, note) } : current,
      );
    } else {
      // One of the reader's own notes left the public: it may be theirs still (hidden, private).
      if (own.some((n) => n.id === event.id)) loadOwn();
      setSentence((current) => (current ? { ...current, notes: current.notes.filter((n) => n.id !== event.id) } : current));
      setEveryone((list) => list && list.filter((n) => n.id !== event.id));
    }
  };
  const onReconnect = () => {
    loadSummary();
    loadOwn();
    if (few) loadEveryone();
    if (opened.current) openSentence(opened.current.id);
  };
  useArticleEvents(slug, onEvent, onReconnect, { since: summary?.revision });

  // Past the limit, the list (kept current by live events meanwhile) is not offered.
  return {
    summary,
    own,
    setOwn: changeOwn,
    loadOwn,
    everyone: few ? everyone : null,
    sentence,
    openSentence,
    moreOfSentence,
    closeSentence,
    liveArrivals,
  };
}
