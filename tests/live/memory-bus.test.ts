import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleMessage } from '@/lib/live/bus';
import { MemoryBus } from '@/lib/live/memory-bus';

const message = (article: string, revision = 1): ArticleMessage => ({ article, annotationId: `note-${revision}`, revision });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('MemoryBus', () => {
  afterEach(() => vi.restoreAllMocks());

  it('delivers a message once to each subscriber of its article, and to no other article', async () => {
    const bus = new MemoryBus();
    const first = vi.fn();
    const second = vi.fn();
    const other = vi.fn();
    bus.subscribe('a', first);
    bus.subscribe('a', second);
    bus.subscribe('b', other);

    await bus.publish(message('a', 7));
    await flush();

    expect(first.mock.calls).toEqual([[message('a', 7)]]);
    expect(second.mock.calls).toEqual([[message('a', 7)]]);
    expect(other).not.toHaveBeenCalled();
  });

  it('delivers after publish returns, never inside the writer’s call', async () => {
    const bus = new MemoryBus();
    const listener = vi.fn();
    bus.subscribe('a', listener);
    const published = bus.publish(message('a'));
    expect(listener).not.toHaveBeenCalled();
    await published;
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops delivering to a listener once it unsubscribes, and forgets articles nobody follows', async () => {
    const bus = new MemoryBus();
    const kept = vi.fn();
    const gone = vi.fn();
    bus.subscribe('a', kept);
    const unsubscribe = bus.subscribe('a', gone);
    unsubscribe();
    unsubscribe(); // twice is harmless

    await bus.publish(message('a'));
    await flush();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(gone).not.toHaveBeenCalled();
    expect(bus.listenerCount('a')).toBe(1);

    const again = bus.subscribe('b', gone);
    again();
    expect(bus.listenerCount('b')).toBe(0);
  });

  it('treats the same function subscribed twice as two subscriptions', async () => {
    const bus = new MemoryBus();
    const listener = vi.fn();
    const firstOff = bus.subscribe('a', listener);
    bus.subscribe('a', listener);
    firstOff();
    await bus.publish(message('a'));
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to the others when a listener throws, and logs it', async () => {
    const bus = new MemoryBus();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    bus.subscribe('a', () => {
      throw new Error('broken reader');
    });
    bus.subscribe('a', after);
    await bus.publish(message('a'));
    await flush();
    expect(after).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('broken reader'));
  });

  it('refuses something that is not an article message', async () => {
    const bus = new MemoryBus();
    await expect(bus.publish({ article: 'a', annotationId: 'x', revision: 1.5 })).rejects.toThrow(TypeError);
  });

  it('delivers nothing after close', async () => {
    const bus = new MemoryBus();
    const listener = vi.fn();
    bus.subscribe('a', listener);
    await bus.close();
    await bus.publish(message('a'));
    await flush();
    expect(listener).not.toHaveBeenCalled();
  });
});
