'use client';

import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { findReadingAnchor, restoreReadingAnchor } from '@/lib/reader/reading-anchor';
import { fragmentId } from '@/lib/reader/fragment';
import { rememberView } from '@/lib/reader/remember-view';
import type { ReadingView } from '@/lib/reader/views';

/** `remember: false` for a switch the reader did not choose (a link to a note in another language). */
type ViewState = { view: ReadingView; setView: (view: ReadingView, options?: { remember?: boolean }) => void };
type TranslationState = { openTranslations: ReadonlySet<string>; toggleTranslation: (blockId: string) => void };

// Two contexts, so a view switch does not re-render the paragraphs' translation toggles.
const ViewContext = createContext<ViewState | null>(null);
const TranslationContext = createContext<TranslationState | null>(null);

export function useReadingView(): ViewState {
  const state = use(ViewContext);
  if (!state) throw new Error('useReadingView must be used inside <ReaderView>');
  return state;
}

export function useTranslationToggles(): TranslationState {
  const state = use(TranslationContext);
  if (!state) throw new Error('useTranslationToggles must be used inside <ReaderView>');
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

  // Whatever the page scrolls to (a contents link, a #fragment) lands below the sticky reader bar,
  // which takes one row or two depending on the width and the labels' language: the targets' scroll
  // margin follows the bar's height (globals.css; one row's worth without JavaScript).
  useEffect(() => {
    const bar = container.current?.querySelector<HTMLElement>('.reader-toolbar');
    if (!bar) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--reader-bar-height', `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--reader-bar-height');
    };
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

  const toggleTranslation = useCallback((blockId: string) => {
    setOpen((open) => {
      const next = new Set(open);
      if (!next.delete(blockId)) next.add(blockId);
      return next;
    });
  }, []);

  const viewState = useMemo(() => ({ view, setView }), [view, setView]);
  const translationState = useMemo(() => ({ openTranslations, toggleTranslation }), [openTranslations, toggleTranslation]);

  return (
    <ViewContext value={viewState}>
      <TranslationContext value={translationState}>
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
        >
          {children}
          <style>{dynamicCss(openTranslations, linked)}</style>
        </div>
      </TranslationContext>
    </ViewContext>
  );
}
