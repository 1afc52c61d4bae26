'use client';

import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { findReadingAnchor, restoreReadingAnchor } from '@/lib/reader/reading-anchor';
import { fragmentId } from '@/lib/reader/fragment';
import { rememberView } from '@/lib/reader/remember-view';
import type { ReadingView } from '@/lib/reader/views';

/** `remember: false` for a switch the reader did not choose (a link to a note in another language). */
type ViewState = { view: ReadingView; setView: (view: ReadingView, options?: { remember?: boolean }) => void };

const ViewContext = createContext<ViewState | null>(null);

export function useReadingView(): ViewState {
  const state = use(ViewContext);
  if (!state) throw new Error('useReadingView must be used inside <ReaderView>');
  return state;
}

const noSubscription = () => () => {};
const hydrated = () => true;
const notHydrated = () => false;

function sentenceOf(node: EventTarget | Node | null | undefined): string | undefined {
  const element = node instanceof Element ? node : node instanceof Node ? node.parentElement : null;
  return element?.closest<HTMLElement>('[data-sid]')?.dataset.sid;
}

/** CSS for what changes at run time; server-rendered children stay untouched, so React skips them. */
function dynamicCss(open: ReadonlySet<string>, linked: string | undefined): string {
  const rules = [...open].map((id) => `.reader[data-view="zh"] .block[data-block="${id}"][data-lang="en"]{display:block}`);
  // Its own colour (--pair-bg), unlike any note's, so a sentence pair never looks annotated.
  if (linked) rules.push(`.reader [data-sid="${linked}"]{background:var(--pair-bg);border-radius:2px}`);
  return rules.join('\n');
}

/**
 * Whether reader.css's rule for the bar (one row, its `min-height`) still keeps what a link scrolls to
 * clear of it: the bar is at most a quarter of a line taller than that (the targets keep 0.75rem
 * below it, so a little less gap, never an overlap).
 */
function barFitsOneRow(bar: HTMLElement): boolean {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return bar.offsetHeight <= parseFloat(getComputedStyle(bar).minHeight) + rem / 4;
}

/** The reader bar's height where it matters (reader.css, contents-rail.css), in a style of its own: it seldom changes. */
function barHeightCss(height: number): string {
  return `.reader [id]{scroll-margin-top:calc(${height}px + 0.75rem)}\n.contents-rail{--reader-bar-height:${height}px}`;
}

/**
 * Holds the reading view and its interactive state around the server-rendered article. A view
 * change is one attribute on this container, committed synchronously, then the scroll position is
 * corrected so the sentence the reader was on stays where it was.
 */
export function ReaderView({ initialView, children }: { initialView: ReadingView; children: ReactNode }) {
  const [view, setViewState] = useState(initialView);
  const [openTranslations, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [linked, setLinked] = useState<string>();
  // False while the server's HTML is hydrated, true from the first render after it.
  const enhanced = useSyncExternalStore(noSubscription, hydrated, notHydrated);
  const container = useRef<HTMLDivElement>(null);

  // Whatever the page scrolls to (a contents link, a #fragment) lands below the sticky reader bar.
  // reader.css keeps the targets one bar's minimum height (one row) plus a gap below the top; the bar
  // wraps onto a second row on narrow screens, depending on the labels' language, and then its
  // measured height is written over that rule. Written as rules in a style element of its own, not as
  // a custom property on the page: a property every element inherits makes the browser restyle the
  // whole article, ~150 ms on a slow phone. Adding the rule still restyles every element with an id
  // (25-30 ms at 6x, just after hydration), so nothing is written while one row's rule keeps the
  // targets clear of the bar (decision 010). Written from the observer as the layout happens, so a
  // link followed in the next frame already lands below the bar; React renders that element empty and
  // never changes it.
  const barStyle = useRef<HTMLStyleElement>(null);
  useEffect(() => {
    const bar = container.current?.querySelector<HTMLElement>('.reader-toolbar');
    if (!bar) return;
    const observer = new ResizeObserver(() => {
      const style = barStyle.current;
      if (!style) return;
      const css = barFitsOneRow(bar) ? '' : barHeightCss(bar.offsetHeight);
      if (style.textContent !== css) style.textContent = css;
    });
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  // Text the browser skipped (content-visibility: auto) takes its real size once a jump brings it
  // near the screen, which moves the heading jumped to: place it again once that layout is done.
  useEffect(() => {
    const settle = () => {
      const id = fragmentId(window.location.hash);
      const target = id ? document.getElementById(id) : null;
      if (!target || !container.current?.contains(target)) return;
      requestAnimationFrame(() => requestAnimationFrame(() => target.scrollIntoView({ block: 'start', behavior: 'instant' })));
    };
    settle();
    window.addEventListener('hashchange', settle);
    return () => window.removeEventListener('hashchange', settle);
  }, []);

  // The light follows the pointer, not the page moving under a resting pointer: scrolling puts out
  // a light the pointer lit (the browser reports the new element under it as a mouseover).
  const litByPointer = useRef(false);
  const pointer = useRef<{ x: number; y: number }>(undefined);
  useEffect(() => {
    const onScroll = () => {
      if (!litByPointer.current) return;
      litByPointer.current = false;
      setLinked(undefined);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  // Caret browsing or selecting text also links a sentence to its counterpart.
  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection?.anchorNode || !container.current?.contains(selection.anchorNode)) return;
      const sid = sentenceOf(selection.anchorNode);
      if (sid) setLinked(sid);
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  const setView = useCallback(
    (next: ReadingView, { remember = true }: { remember?: boolean } = {}) => {
      const root = container.current;
      if (next === view || !root) return;
      const anchor = findReadingAnchor(root, view);
      flushSync(() => setViewState(next));
      if (anchor) restoreReadingAnchor(root, anchor, next);
      if (remember) rememberView(next);
    },
    [view],
  );

  // The paragraphs' translation toggles are markup React does not hydrate (<TranslationToggle>):
  // their clicks bubble to the container, and their state is written back onto them.
  const toggleTranslation = (event: MouseEvent) => {
    const toggle = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-translation-of]') : null;
    const blockId = toggle?.dataset.translationOf;
    if (!blockId || !container.current?.contains(toggle)) return;
    setOpen((open) => {
      const next = new Set(open);
      if (!next.delete(blockId)) next.add(blockId);
      return next;
    });
  };
  useEffect(() => {
    for (const toggle of container.current?.querySelectorAll<HTMLElement>('[data-translation-of]') ?? []) {
      toggle.setAttribute('aria-expanded', String(openTranslations.has(toggle.dataset.translationOf!)));
    }
  }, [openTranslations]);

  const viewState = useMemo(() => ({ view, setView }), [view, setView]);

  return (
    <ViewContext value={viewState}>
      <div
        ref={container}
        className="reader"
        data-view={view}
        data-enhanced={enhanced ? '' : undefined}
        onMouseMove={(event) => {
          // Only a pointer that moved: Chromium also sends a move, at the same point, after a scroll.
          const point = pointer.current;
          if (point && point.x === event.clientX && point.y === event.clientY) return;
          pointer.current = { x: event.clientX, y: event.clientY };
          const sid = sentenceOf(event.target);
          litByPointer.current = sid !== undefined;
          if (sid !== linked) setLinked(sid);
        }}
        onMouseLeave={() => setLinked(undefined)}
        onFocus={(event) => setLinked(sentenceOf(event.target))}
        onClick={toggleTranslation}
      >
        {children}
        <style data-reader-style="interaction">{dynamicCss(openTranslations, linked)}</style>
        <style data-reader-style="bar" ref={barStyle} />
      </div>
    </ViewContext>
  );
}
