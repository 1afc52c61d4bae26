import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { changeEventLoader, createArticleEvents, type LoadChangeEvent } from '@/lib/live/article-events';
import type { ArticleBus, ArticleMessage } from '@/lib/live/bus';
import type { ArticleChangeEvent, LiveEvent } from '@/lib/live/live-event';
import { MemoryBus } from '@/lib/live/memory-bus';

const decoder = new TextDecoder();
const message = (article: string, annotationId: string, revision: number): ArticleMessage => ({ article, annotationId, revision });
const removed = ({ annotationId, revision }: ArticleMessage): ArticleChangeEvent => ({ type: 'removed', revision, id: annotationId });

/** A reader's connection, recording what it receives. */
function reader() {
  const frames: Uint8Array[] = [];
  const events: LiveEvent[] = [];
  return { frames, events, client: (frame: Uint8Array, event: LiveEvent) => void (frames.push(frame), events.push(event)) };
}

/** A loader whose loads finish when the test says so. */
function controlledLoader() {
  const pending: { message: ArticleMessage; finish: (event?: ArticleChangeEvent) => void; fail: (error: Error) => void }[] = [];
  const load: LoadChangeEvent = (m) =>
    new Promise((resolve, reject) => pending.push({ message: m, finish: (event) => resolve(event ?? removed(m)), fail: reject }));
  return { pending, load };
}

/** A bus that can also say "messages may have been lost", as PostgresBus does after a reconnect. */
class ResyncingBus extends MemoryBus implements ArticleBus {
  readonly resyncListeners = new Set<() => void>();
  onResync(listener: () => void) {
    this.resyncListeners.add(listener);
    return () => void this.resyncListeners.delete(listener);
  }
  resync() {
    for (const listener of this.resyncListeners) listener();
  }
}

describe('createArticleEvents', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads each message once for all readers of the article and sends them the same bytes', async () => {
    const bus = new MemoryBus();
    const load = vi.fn<LoadChangeEvent>(async (m) => removed(m));
    const events = createArticleEvents(bus, load);
    const readers = Array.from({ length: 200 }, () => reader());
    for (const r of readers) events.connect('essay', r.client);
    const elsewhere = reader();
    events.connect('other', elsewhere.client);

    await bus.publish(message('essay', 'n1', 4));
    await vi.waitFor(() => expect(readers[199]!.events).toHaveLength(1));

    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(message('essay', 'n1', 4));
    for (const r of readers) {
      expect(r.events).toEqual([{ type: 'removed', revision: 4, id: 'n1' }]);
      expect(r.frames[0]).toBe(readers[0]!.frames[0]); // encoded once
    }
    expect(decoder.decode(readers[0]!.frames[0])).toBe('id: 4\nevent: removed\ndata: {"type":"removed","revision":4,"id":"n1"}\n\n');
    expect(elsewhere.events).toEqual([]);
  });

  it('subscribes to the bus once per article and unsubscribes when its last reader leaves', async () => {
    const bus = new MemoryBus();
    const events = createArticleEvents(bus, async (m) => removed(m));
    const leaveFirst = events.connect('essay', reader().client);
    const leaveSecond = events.connect('essay', reader().client);
    expect(bus.listenerCount('essay')).toBe(1);
    expect(events.clientCount('essay')).toBe(2);

    leaveFirst();
    leaveFirst(); // twice is harmless
    expect(bus.listenerCount('essay')).toBe(1);
    leaveSecond();
    expect(bus.listenerCount('essay')).toBe(0);
    expect(events.clientCount('essay')).toBe(0);

    const back = reader();
    events.connect('essay', back.client);
    await bus.publish(message('essay', 'n1', 1));
    await vi.waitFor(() => expect(back.events).toHaveLength(1));
  });

  it('delivers an article’s events in the order of its messages, even when an older load is slower', async () => {
    const bus = new MemoryBus();
    const { pending, load } = controlledLoader();
    const events = createArticleEvents(bus, load);
    const r = reader();
    events.connect('essay', r.client);

    await bus.publish(message('essay', 'n1', 1));
    await bus.publish(message('essay', 'n2', 2));
    await vi.waitFor(() => expect(pending).toHaveLength(1)); // the second waits for the first
    pending[0]!.finish();
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    pending[1]!.finish();
    await vi.waitFor(() => expect(r.events).toHaveLength(2));
    expect(r.events.map((e) => (e as ArticleChangeEvent).revision)).toEqual([1, 2]);
  });

  it('skips a waiting message when a later one for the same note is queued behind it', async () => {
    const bus = new MemoryBus();
    const { pending, load } = controlledLoader();
    const events = createArticleEvents(bus, load);
    const r = reader();
    events.connect('essay', r.client);

    await bus.publish(message('essay', 'n1', 1));
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    await bus.publish(message('essay', 'n2', 2));
    await bus.publish(message('essay', 'n2', 3));
    await bus.publish(message('essay', 'n3', 4));
    await new Promise((resolve) => setTimeout(resolve, 0));
    pending[0]!.finish();
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    pending[1]!.finish();
    await vi.waitFor(() => expect(pending).toHaveLength(3));
    pending[2]!.finish();
    await vi.waitFor(() => expect(r.events).toHaveLength(3));
    expect(pending.map((p) => p.message.revision)).toEqual([1, 3, 4]);
  });

  it('tells readers to refetch when a load fails, and carries on with the next message', async () => {
    const bus = new MemoryBus();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { pending, load } = controlledLoader();
    const events = createArticleEvents(bus, load);
    const r = reader();
    events.connect('essay', r.client);

    await bus.publish(message('essay', 'n1', 1));
    await bus.publish(message('essay', 'n2', 2));
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending[0]!.fail(new Error('database unavailable'));
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    pending[1]!.finish();
    await vi.waitFor(() => expect(r.events).toHaveLength(2));
    expect(r.events).toEqual([{ type: 'resync' }, { type: 'removed', revision: 2, id: 'n2' }]);
    expect(decoder.decode(r.frames[0])).toBe('event: resync\ndata: {"type":"resync"}\n\n');
  });

  it('tells every reader of every article to refetch when the bus may have lost messages', () => {
    const bus = new ResyncingBus();
    const events = createArticleEvents(bus, async (m) => removed(m));
    const first = reader();
    const second = reader();
    events.connect('essay', first.client);
    events.connect('other', second.client);
    bus.resync();
    expect(first.events).toEqual([{ type: 'resync' }]);
    expect(second.events).toEqual([{ type: 'resync' }]);

    events.close();
    expect(bus.resyncListeners.size).toBe(0);
    expect(bus.listenerCount('essay')).toBe(0);
  });

  it('keeps delivering to the other readers when one reader’s connection throws', async () => {
    const bus = new MemoryBus();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = createArticleEvents(bus, async (m) => removed(m));
    events.connect('essay', () => {
      throw new Error('closed stream');
    });
    const r = reader();
    events.connect('essay', r.client);
    await bus.publish(message('essay', 'n1', 1));
    await vi.waitFor(() => expect(r.events).toHaveLength(1));
  });

  it('sends nothing to a reader that left while the change was loading', async () => {
    const bus = new MemoryBus();
    const { pending, load } = controlledLoader();
    const events = createArticleEvents(bus, load);
    const staying = reader();
    const leaving = reader();
    events.connect('essay', staying.client);
    const leave = events.connect('essay', leaving.client);
    await bus.publish(message('essay', 'n1', 1));
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    leave();
    pending[0]!.finish();
    await vi.waitFor(() => expect(staying.events).toHaveLength(1));
    expect(leaving.events).toEqual([]);
  });
});

describe('changeEventLoader', () => {
  const note = { id: 'n1', article: 'essay', body: 'Shared' } as ApiAnnotation;

  it('sends the note as everyone may see it', async () => {
    const load = changeEventLoader(async (id) => (id === 'n1' ? note : null));
    expect(await load(message('essay', 'n1', 3))).toEqual({ type: 'annotation', revision: 3, annotation: note });
  });

  it('sends a removal when nobody but its author may see the note (or it is gone)', async () => {
    const load = changeEventLoader(async () => null);
    expect(await load(message('essay', 'n1', 3))).toEqual({ type: 'removed', revision: 3, id: 'n1' });
  });

  it('never puts a note on another article’s stream', async () => {
    const load = changeEventLoader(async () => note);
    expect(await load(message('other', 'n1', 3))).toEqual({ type: 'removed', revision: 3, id: 'n1' });
  });
});
