import { expect } from '@playwright/test';
import { readEventStream, type StreamEvent } from '../scripts/test/event-stream';

/** Reads a server-sent event stream until `done` says it has what it waits for, or the time runs out. */
export async function collectEvents(url: string, done: (events: StreamEvent[]) => boolean, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const events: StreamEvent[] = [];
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const finished = (async () => {
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      await readEventStream(response, (event) => {
        events.push(event);
        if (event.event === 'ready') markReady();
        return done(events);
      });
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      clearTimeout(timer);
      controller.abort();
      markReady();
    }
    return events;
  })();
  return { ready, finished };
}
