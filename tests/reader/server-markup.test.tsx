// @vitest-environment happy-dom
// <ServerMarkup> against React itself: hydration keeps the server's nodes and gives them no fibers;
// a render in the browser after the first hydration (or with nothing to keep) renders the children.
import { act, useEffect, useState, type ReactElement } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Module = typeof import('@/components/site/server-markup');
type Hydration = typeof import('@/lib/site/first-hydration');

// Each test gets its own "page": the first-hydration flag lives in a module.
let ServerMarkup: Module['ServerMarkup'];
let commitFirstHydration: Hydration['commitFirstHydration'];
let root: Root | undefined;
let container: HTMLElement;

beforeEach(async () => {
  vi.resetModules();
  ({ ServerMarkup } = await import('@/components/site/server-markup'));
  ({ commitFirstHydration } = await import('@/lib/site/first-hydration'));
  container = document.createElement('div');
  document.body.append(container);
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
});

/** The HTML the server sends: rendered where there is no window, as on the server. */
function serverHtml(element: ReactElement): string {
  vi.stubGlobal('window', undefined);
  try {
    return renderToString(element);
  } finally {
    vi.unstubAllGlobals();
  }
}

const hasFiber = (node: Node) => Object.keys(node).some((key) => key.startsWith('__react'));

function Article({ words }: { words: string }) {
  return (
    <ServerMarkup className="article-body">
      <p id="first">
        {words} <b>bold</b>
      </p>
    </ServerMarkup>
  );
}

describe('ServerMarkup', () => {
  it('hydrates over the server HTML without touching it or giving it fibers', async () => {
    container.innerHTML = serverHtml(<Article words="server" />);
    const paragraph = container.querySelector('#first')!;
    await act(async () => {
      root = hydrateRoot(container, <Article words="server" />);
    });
    expect(container.querySelector('#first')).toBe(paragraph);
    expect(paragraph.textContent).toBe('server bold');
    expect(hasFiber(paragraph)).toBe(false);
    expect(hasFiber(container.querySelector('.article-body')!)).toBe(true);
  });

  it('keeps the server HTML through later renders of the page around it', async () => {
    let rerender: (words: string) => void = () => {};
    const handOver = (setWords: (words: string) => void) => {
      rerender = setWords;
    };
    function Page({ onReady }: { onReady: typeof handOver }) {
      const [words, setWords] = useState('server');
      useEffect(() => onReady(setWords), [onReady]);
      return <Article words={words} />;
    }
    container.innerHTML = serverHtml(<Page onReady={handOver} />);
    const paragraph = container.querySelector('#first')!;
    await act(async () => {
      root = hydrateRoot(container, <Page onReady={handOver} />);
    });
    commitFirstHydration();
    await act(async () => rerender('changed'));
    expect(container.querySelector('#first')).toBe(paragraph);
    expect(paragraph.textContent).toBe('server bold');
  });

  it('renders its children when rendered afresh after the first hydration', async () => {
    commitFirstHydration();
    await act(async () => {
      root = createRoot(container);
      root.render(<Article words="fresh" />);
    });
    expect(container.querySelector('#first')?.textContent).toBe('fresh bold');
  });

  it('renders its children when hydrating finds no server HTML to keep', async () => {
    container.innerHTML = '<div class="article-body"></div>';
    await act(async () => {
      root = hydrateRoot(container, <Article words="recovered" />, { onRecoverableError: () => {} });
    });
    expect(container.querySelector('#first')?.textContent).toBe('recovered bold');
  });
});
