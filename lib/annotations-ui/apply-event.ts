import type { ApiAnnotation } from '@/lib/annotations/serialize';
import type { ArticleChangeEvent } from '@/lib/live/live-event';

/**
 * A list of notes after a live change: a note everyone may see is added or replaced; one that is no
 * longer public leaves the list, except the viewer's own (private or hidden, it stays theirs: the
 * caller refetches then, see `needsRefetch`).
 */
export function applyArticleEvent(list: ApiAnnotation[], event: ArticleChangeEvent): ApiAnnotation[] {
  if (event.type === 'annotation') {
    const index = list.findIndex((a) => a.id === event.annotation.id);
    if (index < 0) return [...list, event.annotation];
    const next = list.slice();
    next[index] = event.annotation;
    return next;
  }
  return list.filter((a) => a.id !== event.id);
}

/** A removal of the viewer's own note (hidden by a moderator, say): their list must be reloaded, not trimmed. */
export function needsRefetch(list: ApiAnnotation[], event: ArticleChangeEvent, viewerId: string | undefined): boolean {
  return event.type === 'removed' && !!viewerId && list.some((a) => a.id === event.id && a.author.id === viewerId);
}
