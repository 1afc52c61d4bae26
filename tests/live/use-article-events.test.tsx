// @vitest-environment happy-dom
// The hook against a stand-in EventSource (the browser's, driven by the test): what reaches the callbacks, and when.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleChangeEvent } from '@/lib/live/live-event';
import { useArticleEvents, type ArticleEventsOptions } from '@/lib/live/use-article-events';

class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  /** A network error (the browser retries) or, with `gaveUp`, an HTTP error (it does not). */
  fail(gaveUp = false) {
    this.readyState = gaveUp ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

const latest = () => FakeEventSource.instances.at(-1)!;
const change: ArticleChangeEvent = { type: 'removed', revision: 3, id: 'n1' };

let root: Root;
let onEvent: ReturnType<typeof vi.fn<(event: ArticleChangeEvent) => void>>;
let onReconnect: ReturnType<typeof vi.fn<() => void>>;

function Reader({ slug, options, marker }: { slug: string; options?: ArticleEventsOptions; marker?: number }) {
  // A new callback on every render, as an inline arrow would be.
  useArticleEvents(
    slug,
    (event) => onEvent(event),
    () => onReconnect(),
    options,
  );
  return <p>{marker}</p>;
}

const render = (props: Parameters<typeof Reader>[0]) => act(() => root.render(<Reader {...props} />));

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.stubGlobal('EventSource', FakeEventSource);
  FakeEventSource.instances = [];
  onEvent = vi.fn();
  onReconnect = vi.fn();
  root = createRoot(document.createElement('div'));
});

afterEach(() => {
  act(() => root.unmount());
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('useArticleEvents', () => {
  it('opens the article’s events route and hands each change to onEvent', () => {
    render({ slug: 'deepseek-capex' });
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual(['/api/articles/deepseek-capex/events']);
    const annotation = { type: 'annotation', revision: 2, annotation: { id: 'n1' } };
    latest().open();
    latest().emit('ready', { type: 'ready', revision: 1 });
    latest().emit('annotation', annotation);
    latest().emit('removed', change);
    expect(onEvent.mock.calls).toEqual([[annotation], [change]]);
    expect(onReconnect).not.toHaveBeenCalled();
  });

  it('calls onReconnect when the connection re-opens after an error, not on the first open', () => {
    render({ slug: 'essay' });
    latest().open();
    latest().fail();
    expect(onReconnect).not.toHaveBeenCalled();
    latest().open();
    expect(onReconnect).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.instances).toHaveLength(1); // the browser reconnected the same source
  });

  it('calls onReconnect when the server says events were lost', () => {
    render({ slug: 'essay' });
    latest().open();
    latest().emit('resync', { type: 'resync' });
    expect(onReconnect).toHaveBeenCalledTimes(1);
  });

  it('with `since`, calls onReconnect when the article moved on before the first connection was live', () => {
    render({ slug: 'essay', options: { since: 4 } });
    latest().open();
    latest().emit('ready', { type: 'ready', revision: 4 });
    expect(onReconnect).not.toHaveBeenCalled();

    act(() => root.unmount());
    root = createRoot(document.createElement('div'));
    render({ slug: 'essay', options: { since: 4 } });
    latest().open();
    latest().emit('ready', { type: 'ready', revision: 5 });
    expect(onReconnect).toHaveBeenCalledTimes(1);
    latest().fail();
    latest().open();
    latest().emit('ready', { type: 'ready', revision: 9 }); // already covered by the reconnect
    expect(onReconnect).toHaveBeenCalledTimes(2);
  });

  it('starts again, later each time, when the browser gives up after an HTTP error', () => {
    vi.useFakeTimers();
    render({ slug: 'essay' });
    const first = latest();
    first.fail(true);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(FakeEventSource.instances).toHaveLength(2);
    latest().fail(true);
    vi.advanceTimersByTime(2000);
    expect(FakeEventSource.instances).toHaveLength(2);
    vi.advanceTimersByTime(2000);
    expect(FakeEventSource.instances).toHaveLength(3);
    latest().open();
    expect(onReconnect).toHaveBeenCalledTimes(1);
  });

  it('keeps one connection across re-renders, reconnects for another article, and closes on unmount', () => {
    render({ slug: 'essay', marker: 1 });
    render({ slug: 'essay', marker: 2 });
    expect(FakeEventSource.instances).toHaveLength(1);
    const first = latest();
    first.open();
    first.emit('removed', change);
    expect(onEvent).toHaveBeenCalledTimes(1);

    render({ slug: 'other' });
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(latest().url).toBe('/api/articles/other/events');
    act(() => root.unmount());
    expect(latest().readyState).toBe(FakeEventSource.CLOSED);
    root = createRoot(document.createElement('div'));
  });

  it('stops retrying after unmount', () => {
    vi.useFakeTimers();
    render({ slug: 'essay' });
    latest().fail(true);
    act(() => root.unmount());
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    root = createRoot(document.createElement('div'));
  });
});
