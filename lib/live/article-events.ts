import 'server-only';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { type ArticleBus, type ArticleMessage, logWarning } from './bus';
import type { ArticleChangeEvent, LiveEvent } from './live-event';
import { encodeEvent } from './sse';

/** Turns a message into what readers receive. Called once per message per process, whatever the number of readers. */
export type LoadChangeEvent = (message: ArticleMessage) => Promise<ArticleChangeEvent>;

/** One reader's connection: gets each event already encoded (the same bytes for every reader) and as an object. */
export type ArticleEventClient = (frame: Uint8Array, event: LiveEvent) => void;

export type ArticleEvents = {
  /** Adds a reader of the article; returns the function that removes it. */
  connect(article: string, client: ArticleEventClient): () => void;
  /** Resolves when changes published from now on reach connected readers. */
  ready(): Promise<void>;
  /** How many readers of the article this process serves. */
  clientCount(article: string): number;
  /** Disconnects every reader and stops listening to the bus. */
  close(): void;
};

/** Past this many messages waiting for their load, readers are told to refetch instead. */
const MAX_QUEUED = 500;

const RESYNC: LiveEvent = { type: 'resync' };

type Channel = { clients: Set<ArticleEventClient>; unsubscribe: () => void; queue: ArticleMessage[]; draining: boolean };

/**
 * Per article, one bus subscription shared by all of this process's readers. Messages of an article
 * are loaded one after another, in the order they arrived, so a slow load of an older change can
 * never overwrite a newer one on readers' screens; a message is skipped when a later one for the same
 * note is already waiting (that one's load shows both).
 */
export function createArticleEvents(bus: ArticleBus, load: LoadChangeEvent): ArticleEvents {
  const channels = new Map<string, Channel>();

  const broadcast = (channel: Channel, event: LiveEvent) => {
    const frame = encodeEvent(event);
    for (const client of [...channel.clients]) {
      try {
        client(frame, event);
      } catch (error) {
        logWarning('live update not delivered to a reader', { error: String(error) });
      }
    }
  };

  const drain = async (article: string, channel: Channel) => {
    if (channel.draining) return;
    channel.draining = true;
    try {
      while (channel.queue.length > 0 && channels.get(article) === channel) {
        const message = channel.queue.shift()!;
        if (channel.queue.some((later) => later.annotationId === message.annotationId)) continue;
        let event: LiveEvent;
        try {
          event = await load(message);
        } catch (error) {
          logWarning('live update could not be loaded; readers will refetch', {
            article,
            annotationId: message.annotationId,
            error: String(error),
          });
          event = RESYNC;
        }
        broadcast(channel, event);
      }
    } finally {
      channel.draining = false;
    }
  };

  const stopResync = bus.onResync?.(() => {
    for (const channel of channels.values()) broadcast(channel, RESYNC);
  });

  return {
    connect(article, client) {
      let channel = channels.get(article);
      if (!channel) {
        const created: Channel = { clients: new Set(), unsubscribe: () => {}, queue: [], draining: false };
        created.unsubscribe = bus.subscribe(article, (message) => {
          if (created.queue.length >= MAX_QUEUED) {
            created.queue.length = 0;
            broadcast(created, RESYNC);
            return;
          }
          created.queue.push(message);
          void drain(article, created);
        });
        channels.set(article, (channel = created));
      }
      const entry: ArticleEventClient = (frame, event) => client(frame, event);
      channel.clients.add(entry);
      const joined = channel;
      return () => {
        if (!joined.clients.delete(entry) || joined.clients.size > 0) return;
        joined.unsubscribe();
        joined.queue.length = 0;
        if (channels.get(article) === joined) channels.delete(article);
      };
    },
    ready: () => bus.ready?.() ?? Promise.resolve(),
    clientCount: (article) => channels.get(article)?.clients.size ?? 0,
    close() {
      stopResync?.();
      for (const channel of channels.values()) channel.unsubscribe();
      channels.clear();
    },
  };
}

/**
 * Builds the loader from a reader of shared, visible notes (the app's is publicAnnotation): the note
 * as everyone may see it, or its removal.
 */
export function changeEventLoader(find: (id: string) => Promise<ApiAnnotation | null>): LoadChangeEvent {
  return async ({ article, annotationId, revision }) => {
    const annotation = await find(annotationId);
    // A message naming the wrong article must not put a note on another article's page.
    if (annotation && annotation.article === article) return { type: 'annotation', revision, annotation };
    return { type: 'removed', revision, id: annotationId };
  };
}
