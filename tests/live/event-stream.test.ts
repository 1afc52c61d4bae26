import { afterEach, describe, expect, it, vi } from 'vitest';
import { createArticleEvents } from '@/lib/live/article-events';
import type { ArticleMessage } from '@/lib/live/bus';
import { articleEventStream } from '@/lib/live/event-stream';
import { MemoryBus } from '@/lib/live/memory-bus';

const decoder = new TextDecoder();
const removedEvent = async ({ annotationId, revision }: ArticleMessage) => ({ type: 'removed' as const, revision, id: annotationId });

function setup(currentRevision: (article: string) => Promise<number> = async () => 7) {
  const bus = new MemoryBus();
  const events = createArticleEvents(bus, removedEvent);
  const abort = new AbortController();
  const stream = articleEventStream('essay', { signal: abort.signal, events, currentRevision, heartbeatMs: 50 });
  const reader = stream.getReader();
  const read = async () => {
    const { value, done } = await reader.read();
    return done ? null : decoder.decode(value);
  };
  return { bus, events, abort, reader, read };
}

describe('articleEventStream', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts with the retry delay and a comment, then says when it is live and at which revision', async () => {
    const { read, abort } = setup();
    expect(await read()).toBe('retry: 2000\n: connected\n\n');
    expect(await read()).toBe('event: ready\ndata: {"type":"ready","revision":7}\n\n');
    abort.abort();
  });

  it('sends ready without a revision when it cannot be read', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { read, abort } = setup(() => Promise.reject(new Error('no database')));
    await read();
    expect(await read()).toBe('event: ready\ndata: {"type":"ready","revision":null}\n\n');
    abort.abort();
  });

  it('streams the article’s changes as SSE events, with a comment heartbeat', async () => {
    const { read, bus, abort } = setup();
    await read();
    await read();
    await bus.publish({ article: 'essay', annotationId: 'n1', revision: 8 });
    expect(await read()).toBe('id: 8\nevent: removed\ndata: {"type":"removed","revision":8,"id":"n1"}\n\n');
    expect(await read()).toBe(': ping\n\n');
    abort.abort();
  });

  it('ends the stream and leaves the article when the request is aborted', async () => {
    const { read, events, abort } = setup();
    await read();
    expect(events.clientCount('essay')).toBe(1);
    abort.abort();
    expect(events.clientCount('essay')).toBe(0);
    let rest = '';
    for (let chunk = await read(); chunk !== null; chunk = await read()) rest += chunk;
    expect(rest).not.toContain('ping');
  });

  it('leaves the article when the consumer cancels the stream', async () => {
    const { reader, events } = setup();
    await reader.read();
    await reader.cancel();
    expect(events.clientCount('essay')).toBe(0);
  });

  it('does not connect a request that was already aborted', async () => {
    const bus = new MemoryBus();
    const events = createArticleEvents(bus, removedEvent);
    const stream = articleEventStream('essay', { signal: AbortSignal.abort(), events, currentRevision: async () => 0 });
    const reader = stream.getReader();
    expect(decoder.decode((await reader.read()).value)).toContain('retry: 2000');
    expect((await reader.read()).done).toBe(true);
    expect(events.clientCount('essay')).toBe(0);
  });

  it('drops a reader that stopped reading rather than queueing without end', async () => {
    const { bus, events } = setup();
    for (let revision = 1; revision <= 300; revision++) await bus.publish({ article: 'essay', annotationId: `n${revision}`, revision });
    await vi.waitFor(() => expect(events.clientCount('essay')).toBe(0));
  });
});
