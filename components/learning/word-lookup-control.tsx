'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { shortcutOf } from '@/lib/annotations-ui/shortcuts';
import { lookupAtCaret, lookupAtPoint, type LookupRequest } from '@/lib/learning-ui/lookup-target';
import { whenIdle } from '@/lib/site/when-idle';

// Its own chunk, loaded when the reader first asks for a word (or at idle once clicks look words up):
// a reader who never does pays nothing. Held in state rather than React.lazy: a lazy component
// suspends on its first render even when its code is there, and React waits ~300 ms before it
// reveals a suspended boundary's content, which was most of a first lookup's time.
const loadWordLookup = () => import('./word-lookup').then((module) => module.default);
// The words of a block, fetched beside the card's code (the card's chunk holds this module too).
const prefetchWords = (slug: string, block: string) =>
  import('@/lib/learning-ui/word-pieces').then(({ wordPiece }) => wordPiece(slug, block)).catch(() => {});
type WordLookupPart = Awaited<ReturnType<typeof loadWordLookup>>;

const remembered = 'reader-word-lookup';

/**
 * "Look up words": while on (remembered on this device), a click or tap on a Chinese word opens its
 * card; `l` looks up the word at the cursor whether it is on or not (issue 17). The clicks and keys
 * are caught here, so that none is lost while the card's code is still arriving.
 */
export function WordLookupControl({ slug }: { slug: string }) {
  const t = useTranslations('Learning');
  const [clicks, setClicks] = useState(false);
  const [request, setRequestState] = useState<LookupRequest | null>(null);
  const [WordLookup, setWordLookup] = useState<WordLookupPart | null>(null);
  const load = useCallback(() => void loadWordLookup().then((part) => setWordLookup(() => part)), []);
  // The block's words are fetched as soon as they are asked for, while the card's code may still be on its way.
  const setRequest = useCallback(
    (asked: LookupRequest | null) => {
      const block = asked?.sentence.closest<HTMLElement>('[data-block]')?.dataset.block;
      if (block) void prefetchWords(slug, block);
      if (asked) load();
      setRequestState(asked);
    },
    [slug, load],
  );
  // The choice exists only in the browser, after hydration; read when the page is idle, because a
  // page's first read of localStorage waits for the browser to load it (~15 ms on a slow phone, in
  // the task that finishes hydrating: decision 010).
  useEffect(() => whenIdle(() => setClicks(localStorage.getItem(remembered) === 'on')), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (shortcutOf(event) !== 'lookUp') return;
      const asked = lookupAtCaret(performance.now());
      if (!asked) return;
      event.preventDefault();
      setRequest(asked);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setRequest]);

  useEffect(() => (clicks ? whenIdle(load) : undefined), [clicks, load]);

  // While clicks look words up, they do not open notes (use-pointer-on-notes reads the attribute).
  useEffect(() => {
    const reader = document.querySelector<HTMLElement>('.reader');
    if (!reader || !clicks) return;
    reader.setAttribute('data-word-lookup', '');
    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      setRequest(lookupAtPoint(event) ?? null);
    };
    reader.addEventListener('click', onClick);
    return () => {
      reader.removeAttribute('data-word-lookup');
      reader.removeEventListener('click', onClick);
    };
  }, [clicks, setRequest]);

  const close = useCallback(() => setRequestState(null), []);

  const toggle = () => {
    const next = !clicks;
    setClicks(next);
    if (next) localStorage.setItem(remembered, 'on');
    else localStorage.removeItem(remembered);
  };

  return (
    <>
      <button type="button" className="lookup-toggle" aria-pressed={clicks} title={t('lookUpHint')} onClick={toggle}>
        {t('lookUp')}
      </button>
      {request && WordLookup && <WordLookup slug={slug} request={request} onClose={close} />}
    </>
  );
}
