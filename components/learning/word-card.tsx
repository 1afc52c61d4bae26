'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { rangeInSentence } from '@/lib/learning-ui/sentence-text';
import type { LookedUp } from '@/lib/learning-ui/look-up';
import type { SaveState } from '@/lib/learning-ui/save-word';

type Props = {
  shown?: LookedUp;
  failedAt?: Element;
  saveState: SaveState;
  onSave: () => void;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
};

const gap = 8;

/** Where the card goes: under the word, or above it when there is no room below; inside the page's width. */
function placeBeside(anchor: DOMRect, card: HTMLElement): { top: number; left: number } {
  const below = anchor.bottom + gap;
  const fitsBelow = below + card.offsetHeight < innerHeight;
  const top = (fitsBelow ? below : Math.max(gap, anchor.top - gap - card.offsetHeight)) + scrollY;
  const left = Math.min(Math.max(gap, anchor.left), document.documentElement.clientWidth - card.offsetWidth - gap) + scrollX;
  return { top, left };
}

/** The senses read as the word is read here first; a few of them, a few definitions each. */
function sensesOf(shown: LookedUp) {
  const senses = shown.entry?.senses ?? [];
  const here = (pinyin: string) => Number(pinyin === shown.token.pinyin);
  return [...senses].sort((a, b) => here(b.pinyin) - here(a.pinyin)).slice(0, 3);
}

/**
 * The card of a looked-up word: the word as cut in its sentence, its pinyin there, HSK level, the
 * article's own sense, the dictionary's, and the aligned English sentence. A non-modal dialog:
 * the text stays readable and selectable around it; Escape or Close shuts it, ←/→ step words.
 */
export function WordCard({ shown, failedAt, saveState, onSave, onStep, onClose }: Props) {
  const t = useTranslations('Learning');
  const card = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [place, setPlace] = useState<{ top: number; left: number }>();

  useLayoutEffect(() => {
    const range = shown ? rangeInSentence(shown.sentence, shown.token.start, shown.token.end) : undefined;
    const anchor = range?.getBoundingClientRect() ?? failedAt?.getBoundingClientRect();
    if (!anchor || !card.current) return;
    setPlace(placeBeside(anchor, card.current));
    // A phone's card is a sheet at the bottom (word-card.css): the word must stay above it.
    const sheetTop = card.current.getBoundingClientRect().top;
    if (getComputedStyle(card.current).position === 'fixed' && anchor.bottom > sheetTop - gap)
      scrollBy({ top: anchor.bottom - sheetTop + 3 * gap });
  }, [shown, failedAt]);

  // Opened from the keyboard, the card takes the focus and gives it back where it was.
  useEffect(() => {
    if (!shown?.byKeyboard) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    card.current?.focus({ preventScroll: true });
    return () => before?.focus({ preventScroll: true });
  }, [shown?.byKeyboard]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      onStep(event.key === 'ArrowRight' ? 1 : -1);
    }
  };

  const entry = shown?.entry;
  const level = entry?.hsk;
  return (
    <div
      ref={card}
      role="dialog"
      aria-labelledby={titleId}
      className="word-card"
      tabIndex={-1}
      style={place ? { top: place.top, left: place.left } : { opacity: 0 }}
      onKeyDown={onKeyDown}
    >
      {!shown ? (
        <p id={titleId} className="word-card-problem" role="alert">
          {t('failed')}
        </p>
      ) : (
        <>
          <p className="word-card-head">
            <span id={titleId} className="word-card-word" lang="zh-Hans">
              {shown.token.text}
            </span>
            <span className="word-card-pinyin" lang="zh-Latn-pinyin">
              {shown.token.pinyin}
            </span>
            {(entry?.name || level) && <span className="word-card-level">{entry?.name ? t('name') : t('hsk', { level: level! })}</span>}
          </p>
          {entry?.gloss && (
            <p className="word-card-gloss">
              <span className="word-card-label">{t(entry.name ? 'who' : 'inArticle')}</span> {entry.gloss}
            </p>
          )}
          {sensesOf(shown).length > 0 ? (
            <ol className="word-card-senses" aria-label={t('dictionary')}>
              {sensesOf(shown).map((sense, k) => (
                <li key={k}>
                  <span className="word-card-sense-pinyin" lang="zh-Latn-pinyin">
                    {sense.pinyin}
                  </span>{' '}
                  {sense.definitions.slice(0, 5).join('; ')}
                </li>
              ))}
            </ol>
          ) : (
            !entry?.gloss && <p className="word-card-gloss">{t('notInDictionary')}</p>
          )}
          {shown.english && (
            <p className="word-card-english">
              <span className="word-card-label">{t('english')}</span> <span lang="en">{shown.english}</span>
            </p>
          )}
        </>
      )}
      <div className="word-card-actions">
        {shown && <SaveControl state={saveState} onSave={onSave} />}
        {shown && (
          <>
            <button type="button" onClick={() => onStep(-1)} aria-label={t('previousWord')}>
              ←
            </button>
            <button type="button" onClick={() => onStep(1)} aria-label={t('nextWord')}>
              →
            </button>
          </>
        )}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}

/** Save, for a signed-in reader; a way to sign in (and back to this page) for anyone else. */
function SaveControl({ state, onSave }: { state: SaveState; onSave: () => void }) {
  const t = useTranslations('Learning');
  const locale = useLocale();
  if (state === 'unknown') return null;
  if (state === 'signedOut') {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <a className="word-card-save" href={`/${locale}/sign-in?next=${next}`}>
        {t('signInToSave')}
      </a>
    );
  }
  return (
    <>
      <button type="button" className="word-card-save" disabled={state === 'saving' || state === 'saved'} onClick={onSave}>
        {state === 'saved' ? t('saved') : t('save')}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'saved' ? t('saved') : state === 'failed' ? t('saveFailed') : state === 'stale' ? t('saveStale') : ''}
      </span>
    </>
  );
}
