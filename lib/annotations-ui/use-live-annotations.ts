'use client';

import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { useArticleEvents } from '@/lib/live/use-article-events';
import { applyArticleEvent, needsRefetch } from './apply-event';

type Options = {
  /** The notes shown now, and how to change them. */
  list: ApiAnnotation[];
  update: (change: (list: ApiAnnotation[]) => ApiAnnotation[]) => void;
  /** Loads the whole list again: after a gap in the events, or when the viewer's own note left it. */
  reload: () => void;
  viewerId?: string;
  /** The revision of the list shown (the list API's `revision`). */
  since?: number;
};

/** Keeps a page's list of an article's notes current with other readers' changes. */
export function useLiveAnnotations(slug: string, { list, update, reload, viewerId, since }: Options) {
  useArticleEvents(
    slug,
    (event) => {
      if (needsRefetch(list, event, viewerId)) reload();
      else update((current) => applyArticleEvent(current, event));
    },
    reload,
    { since },
  );
}
