'use client';

import { useEffect, useRef } from 'react';
import type { ArticleChangeEvent, ReadyEvent } from './live-event';

export type ArticleEventsOptions = {
  /**
   * The revision of the notes the page already shows (the list API's `revision`): if the article
   * moved on before the connection opened, onReconnect is called.
   */
  since?: number;
};

/** The events route of an article. */
export function articleEventsUrl(slug: string): string {
  return `/api/articles/${encodeURIComponent(slug)}/events`;
}

/**
 * Live changes to an article's shared notes. `onEvent` gets each change in order; `onReconnect` is
 * called whenever changes may have been missed (the connection re-opened after an error, the server
 * says so, or the article changed between `since` and the first connection): refetch the notes then.
 * The connection closes on unmount; the callbacks may change between renders without reconnecting.
 */
export function useArticleEvents(
  slug: string,
  onEvent: (event: ArticleChangeEvent) => void,
  onReconnect: () => void,
  options: ArticleEventsOptions = {},
) {
  const latest = useRef({ onEvent, onReconnect, since: options.since });
  useEffect(() => {
    latest.current = { onEvent, onReconnect, since: options.since };
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let failed = false;
    let first = true;

    const onChange = (message: MessageEvent<string>) => {
      let event: ArticleChangeEvent;
      try {
        event = JSON.parse(message.data) as ArticleChangeEvent;
      } catch {
        return;
      }
      latest.current.onEvent(event);
    };
    const onResync = () => latest.current.onReconnect();
    const onReady = (message: MessageEvent<string>) => {
      // From here on no change is missed: marked for whoever measures or waits on it (benchmarks, e2e/live.ts).
      performance.mark('live:ready');
      if (!first) return; // later connections already called onReconnect when they opened
      first = false;
      const { since } = latest.current;
      if (since === undefined) return;
      let revision: ReadyEvent['revision'] = null;
      try {
        revision = (JSON.parse(message.data) as ReadyEvent).revision;
      } catch {
        revision = null;
      }
      if (revision === null || revision > since) latest.current.onReconnect();
    };

    const connect = () => {
      const current = new EventSource(articleEventsUrl(slug));
      source = current;
      current.onopen = () => {
        failures = 0;
        if (failed) {
          failed = false;
          first = false;
          latest.current.onReconnect();
        }
      };
      current.onerror = () => {
        failed = true;
        // The browser retries network errors itself, but gives up on an HTTP error (a proxy's 502
        // during a deploy, say): then start again, waiting longer each time.
        if (current.readyState === EventSource.CLOSED) {
          current.close();
          retry = setTimeout(connect, Math.min(30_000, 2000 * 2 ** failures++));
        }
      };
      current.addEventListener('annotation', onChange);
      current.addEventListener('removed', onChange);
      current.addEventListener('resync', onResync);
      current.addEventListener('ready', onReady);
    };

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [slug]);
}
