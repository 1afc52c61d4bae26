import 'server-only';
import { processWide } from '@/lib/process-wide';
import type { ArticleEvents } from './article-events';
import { logWarning } from './bus';
import { encodeComment, encodeEvent, STREAM_PREAMBLE } from './sse';

/**
 * Headers of the events stream. `no-transform` keeps compression (which would buffer it) away;
 * `X-Accel-Buffering` tells nginx not to buffer.
 */
export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
} as const;

export const HEARTBEAT_MS = 20_000;

// Every open stream's way to end itself, the process's, so a shutdown can end them all: a server
// does not stop while a response is still open.
const openStreams = processWide('__readerOpenEventStreams', () => new Set<() => void>());

/** Ends every open event stream of this process; their browsers reconnect (through the proxy, to another instance). */
export function closeAllEventStreams(): number {
  const closers = [...openStreams];
  for (const close of closers) close();
  return closers.length;
}

/** A reader whose connection has this many events waiting unsent is dropped: its browser reconnects and refetches. */
const MAX_UNSENT_EVENTS = 256;

export type EventStreamOptions = {
  /** The request's signal: the stream ends when the reader goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  /** The process's readers of the bus (lib/annotations/live-events.ts wires the app's). */
  events: ArticleEvents;
  /** The article's revision now, sent with `ready`. */
  currentRevision: (article: string) => Promise<number>;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
};

/**
 * The Server-Sent Events stream of one reader of an article: the preamble, `ready` once changes
 * reach it (with the article's revision then, so the reader can tell whether it missed any since its
 * snapshot), then `annotation` / `removed` / `resync` events and a comment every 20 s.
 */
export function articleEventStream(article: string, options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { signal, heartbeatMs = HEARTBEAT_MS, events, currentRevision, onClose } = options;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const send = (chunk: Uint8Array) => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) < -MAX_UNSENT_EVENTS) {
            cleanup();
            return;
          }
          controller.enqueue(chunk);
        };
        controller.enqueue(STREAM_PREAMBLE);
        const disconnect = events.connect(article, (frame) => send(frame));
        const heartbeat = setInterval(() => send(encodeComment('ping')), heartbeatMs);
        cleanup = () => {
          if (!open) return;
          open = false;
          openStreams.delete(cleanup);
          onClose?.();
          clearInterval(heartbeat);
          disconnect();
          signal.removeEventListener('abort', cleanup);
          try {
            controller.close();
          } catch {
            // Already closed or cancelled by the consumer.
          }
        };
        if (signal.aborted) return cleanup();
        signal.addEventListener('abort', cleanup);
        openStreams.add(cleanup);

        events
          .ready()
          .then(() =>
            currentRevision(article).catch((error: unknown) => {
              logWarning('live updates: article revision not read', { article, error: String(error) });
              return null;
            }),
          )
          .then((revision) => send(encodeEvent({ type: 'ready', revision })));
      },
      cancel() {
        cleanup();
      },
    },
    // Counted in chunks (events), which is what MAX_UNSENT_EVENTS measures.
    { highWaterMark: 1 },
  );
}
