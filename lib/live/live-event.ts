import type { ApiAnnotation } from '@/lib/annotations/serialize';

/** A shared note as everyone may now see it (new, edited, or its thread changed). */
export type AnnotationEvent = { type: 'annotation'; revision: number; annotation: ApiAnnotation };
/** The note is no longer visible to everyone (deleted, made private, or hidden by a moderator). */
export type RemovedEvent = { type: 'removed'; revision: number; id: string };
/** Events may have been lost: refetch the article's notes. */
export type ResyncEvent = { type: 'resync' };
/** The subscription is live; `revision` is the article's revision at that moment (null if it could not be read). */
export type ReadyEvent = { type: 'ready'; revision: number | null };

/** What a change to an article becomes for its readers. */
export type ArticleChangeEvent = AnnotationEvent | RemovedEvent;

/** Everything the events route sends, each as an SSE event named by its `type`. */
export type LiveEvent = ArticleChangeEvent | ResyncEvent | ReadyEvent;
