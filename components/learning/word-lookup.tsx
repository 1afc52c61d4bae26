'use client';

import { useEffect, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { lookUp, type LookedUp } from '@/lib/learning-ui/look-up';
import type { LookupRequest } from '@/lib/learning-ui/lookup-target';
import { isSignedIn, saveWordAt, type SaveState } from '@/lib/learning-ui/save-word';
import { rangeInSentence } from '@/lib/learning-ui/sentence-text';
import { prefetchAround, stepWord } from '@/lib/learning-ui/word-pieces';
import { whenIdle } from '@/lib/site/when-idle';
import { WordCard } from './word-card';
import { setHighlight } from '@/lib/site/highlight-styles';

type Props = { slug: string; request: LookupRequest; onClose: () => void };

const highlightName = 'looked-up-word';

/**
 * The card of the word the reader asked for (word-lookup-control.tsx catches the asking), with the
 * word lit in the text; ←/→ step through the sentence's words.
 */
export default function WordLookup({ slug, request, onClose }: Props) {
  const [current, setCurrent] = useState(request);
  const [shown, setShown] = useState<LookedUp>();
  const [failed, setFailed] = useState(false);
  // Save, per word: what the reader did with each word this page's life.
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const [account, setAccount] = useState<SaveState>('unknown');
  useEffect(() => void isSignedIn().then((yes) => setAccount(yes ? 'ready' : 'signedOut')), []);
  const [asked, setAsked] = useState(request);
  if (asked !== request) {
    setAsked(request);
    setCurrent(request);
  }

  useEffect(() => {
    let live = true;
    lookUp(slug, current).then(
      (found) => {
        if (!live) return;
        setFailed(false);
        if (!found) return onClose();
        setShown(found);
        requestAnimationFrame(() => performance.measure('learning:lookup', { start: current.since, end: performance.now() }));
        const block = found.sentence.closest('[data-block]');
        if (block) prefetchAround(slug, block, whenIdle);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [slug, current, onClose]);

  // The word looked up is lit in the text (CSS Custom Highlight API: the text itself is untouched).
  useLayoutEffect(() => {
    const range = shown && rangeInSentence(shown.sentence, shown.token.start, shown.token.end);
    if (!range || typeof Highlight !== 'function') return;
    setHighlight(highlightName, [range]);
    return () => void CSS.highlights.delete(highlightName);
  }, [shown]);

  const step = (direction: 1 | -1) => {
    const token = shown && stepWord(shown.placed, shown.token.index, direction);
    if (token) setCurrent({ ...current, sentence: shown.sentence, offset: token.start, since: performance.now() });
  };

  const save = async () => {
    const id = (shown?.sentence as HTMLElement | undefined)?.dataset.sid;
    if (!shown || !id) return;
    const word = shown.token.text;
    setSaves((all) => ({ ...all, [word]: 'saving' }));
    // The word list's offsets start where its text starts in the page (`placed[0]`).
    const state = await saveWordAt(slug, id, shown.token.start - shown.placed[0].start, word);
    setSaves((all) => ({ ...all, [word]: state }));
  };

  if (!shown && !failed) return null;
  const saveState = account === 'ready' && shown ? (saves[shown.token.text] ?? 'ready') : account;
  return createPortal(
    <WordCard
      shown={failed ? undefined : shown}
      failedAt={failed ? current.sentence : undefined}
      saveState={saveState}
      onSave={save}
      onStep={step}
      onClose={onClose}
    />,
    document.body,
  );
}
