// @vitest-environment happy-dom
// codeOnDemand: code loaded once, when wanted or on a hint; a failed load is reported and tried
// again when the browser is back online; never loaded for a page that does not want it.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeOnDemand } from '@/lib/site/code-on-demand';

type Code = { name: string };
let root: Root;
let container: HTMLElement;
let seen: { code: Code | undefined; failed: boolean }[];

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  seen = [];
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function user(useCode: (wanted: boolean) => { code: Code | undefined; failed: boolean }) {
  return function User({ wanted }: { wanted: boolean }) {
    const state = useCode(wanted);
    seen.push(state);
    return <p>{state.code?.name ?? (state.failed ? 'failed' : 'none')}</p>;
  };
}

const flush = () => act(async () => {});

describe('codeOnDemand', () => {
  it('loads nothing until wanted, then once, however many times it is wanted or hinted', async () => {
    const load = vi.fn(async () => ({ name: 'panels' }));
    const { preload, useCode } = codeOnDemand(load);
    const User = user(useCode);
    act(() => root.render(<User wanted={false} />));
    await flush();
    expect(load).not.toHaveBeenCalled();
    expect(container.textContent).toBe('none');

    act(() => root.render(<User wanted />));
    await flush();
    expect(container.textContent).toBe('panels');
    preload();
    act(() => root.render(<User wanted={false} />));
    act(() => root.render(<User wanted />));
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a hint loads it ahead, and a later user has it from its first render', async () => {
    const load = vi.fn(async () => ({ name: 'editor' }));
    const { preload, useCode } = codeOnDemand(load);
    preload();
    await flush();
    const User = user(useCode);
    act(() => root.render(<User wanted={false} />));
    expect(seen[0].code?.name).toBe('editor');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed load says so while wanted, and loads when the browser is back online', async () => {
    let online = false;
    const load = vi.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return { name: 'panels' };
    });
    const { preload, useCode } = codeOnDemand(load);
    preload(); // a hint while offline: swallowed, and not remembered as the answer
    await flush();
    const User = user(useCode);
    act(() => root.render(<User wanted />));
    await flush();
    expect(container.textContent).toBe('failed');
    expect(load).toHaveBeenCalledTimes(2);

    online = true;
    await act(async () => void window.dispatchEvent(new Event('online')));
    await flush();
    expect(container.textContent).toBe('panels');
    expect(seen.at(-1)).toEqual({ code: { name: 'panels' }, failed: false });
  });

  it('is not failed when the failed load is no longer wanted, and wanted anew it is asked again', async () => {
    const { useCode } = codeOnDemand(async () => {
      throw new TypeError('Failed to fetch');
    });
    const User = user(useCode);
    act(() => root.render(<User wanted />));
    await flush();
    expect(container.textContent).toBe('failed');
    act(() => root.render(<User wanted={false} />));
    expect(container.textContent).toBe('none');
  });

  it('wanted anew after a failure (a panel closed and opened again), it is asked again', async () => {
    let up = false;
    const load = vi.fn(async () => {
      if (!up) throw new Error('404: a deploy replaced the chunk');
      return { name: 'panels' };
    });
    const { useCode } = codeOnDemand(load);
    const User = user(useCode);
    act(() => root.render(<User wanted />));
    await flush();
    expect(container.textContent).toBe('failed');
    up = true;
    act(() => root.render(<User wanted={false} />));
    act(() => root.render(<User wanted />));
    await flush();
    expect(container.textContent).toBe('panels');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('after a failure, hints (a pointer hints every frame) wait before asking again', async () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const load = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { preload } = codeOnDemand(load);
    preload();
    await flush();
    for (let frame = 0; frame < 60; frame++) {
      now += 16;
      preload();
    }
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    now += 10_000;
    preload();
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });

  it('still wanted after a failure (notes waiting for their places), an ask of the reader loads it at once and every user gets it', async () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let up = false;
    const load = vi.fn(async () => {
      if (!up) throw new Error('404: a deploy replaced the chunk');
      return { name: 'anchoring' };
    });
    const { ask, useCode } = codeOnDemand(load);
    const User = user(useCode);
    act(() => root.render(<User wanted />));
    await flush();
    expect(container.textContent).toBe('failed');
    up = true;
    now += 16; // a click right after the failure: no pause for an ask
    await act(async () => ask());
    await flush();
    expect(container.textContent).toBe('anchoring');
    expect(seen.at(-1)).toEqual({ code: { name: 'anchoring' }, failed: false });
    expect(load).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });
});
