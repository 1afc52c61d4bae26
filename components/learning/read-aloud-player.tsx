'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useReadingView } from '@/components/reader/reader-view';
import { readAloudRates, sentenceElement, sentenceOrder, utterancesOf } from '@/lib/learning-ui/read-aloud';
import type { ReadAloudMode, Voices } from '@/lib/learning-ui/read-aloud-voices';
import { setHighlight } from '@/lib/site/highlight-styles';

type Props = { voices: Voices; modes: ReadAloudMode[]; onClose: () => void };

const highlightName = 'read-aloud';

/** The sentence to start from: the one holding the caret or selection, else the first on screen. */
function startSentence(order: string[]): number {
  const node = document.getSelection()?.anchorNode;
  const element = node && (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-sid]');
  const atCaret = element ? order.indexOf(element.dataset.sid!) : -1;
  if (atCaret >= 0) return atCaret;
  const onScreen = [...document.querySelectorAll<HTMLElement>('.block [data-sid]')].find((sentence) => {
    const box = sentence.getBoundingClientRect();
    return box.height > 0 && box.bottom > 80 && box.top < innerHeight;
  });
  return Math.max(0, onScreen ? order.indexOf(onScreen.dataset.sid!) : 0);
}

/** Keeps the sentence being read between the reader bar and the player. */
function keepOnScreen(element: HTMLElement | null) {
  const box = element?.getBoundingClientRect();
  if (!element || !box || box.height === 0) return;
  const top = document.querySelector('.reader-toolbar')?.getBoundingClientRect().bottom ?? 0;
  const bottom = document.querySelector('.read-aloud')?.getBoundingClientRect().top ?? innerHeight;
  if (box.top < top || box.bottom > bottom) element.scrollIntoView({ block: 'center' });
}

/**
 * The read-aloud player (issue 17): speaks the article a sentence at a time, in Chinese, English or
 * both in turn, with the current sentence lit in both languages and kept on screen; pause, resume,
 * previous and next sentence, speed; a click on a sentence reads from there.
 */
export default function ReadAloudPlayer({ voices, modes, onClose }: Props) {
  const t = useTranslations('ReadAloud');
  const { view } = useReadingView();
  const order = useMemo(() => sentenceOrder(), []);
  const [mode, setMode] = useState<ReadAloudMode>(() =>
    modes.includes(view === 'bilingual' ? 'both' : view) ? (view === 'bilingual' ? 'both' : view) : modes[0],
  );
  const [rate, setRate] = useState(1);
  const [index, setIndex] = useState(() => startSentence(order));
  const [playing, setPlaying] = useState(true);
  const id = order[index];
  // The utterance being spoken, held so that Chromium does not collect it before its `end`.
  const speaking = useRef<SpeechSynthesisUtterance | null>(null);

  // Speaks the current sentence's parts one after another, then moves on; any change cancels it.
  useEffect(() => {
    if (!playing || !id) return;
    const parts = utterancesOf(id, mode);
    let cancelled = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const speak = (part: number) => {
      clearTimeout(watchdog);
      if (cancelled) return;
      if (part >= parts.length) return setIndex((at) => at + 1);
      const { lang, text } = parts[part];
      const utterance = new SpeechSynthesisUtterance(text);
      const voice = voices[lang];
      if (voice) utterance.voice = voice;
      utterance.lang = voice?.lang ?? (lang === 'zh' ? 'zh-CN' : 'en');
      utterance.rate = rate;
      utterance.onend = () => speak(part + 1);
      utterance.onerror = (event) => {
        if (!cancelled && event.error !== 'interrupted' && event.error !== 'canceled') speak(part + 1);
      };
      speaking.current = utterance;
      speechSynthesis.speak(utterance);
      // Some voices stop without an `end` (Chromium cuts network voices off after ~15 s): move on
      // after far longer than the sentence could take to say.
      watchdog = setTimeout(
        () => {
          speechSynthesis.cancel();
          speak(part + 1);
        },
        (5000 + text.length * 600) / rate,
      );
    };
    speak(0);
    return () => {
      cancelled = true;
      clearTimeout(watchdog);
      speaking.current = null;
      speechSynthesis.cancel();
    };
  }, [playing, id, mode, rate, voices]);

  // The sentence being read is lit in both languages (its own highlight, unlike notes and lookups).
  useLayoutEffect(() => {
    if (!id || typeof Highlight !== 'function') return;
    const ranges = (['zh', 'en'] as const).flatMap((lang) => {
      const element = sentenceElement(id, lang);
      if (!element) return [];
      const range = document.createRange();
      range.selectNodeContents(element);
      return [range];
    });
    setHighlight(highlightName, ranges);
    keepOnScreen(sentenceElement(id, view === 'en' ? 'en' : 'zh'));
    return () => void CSS.highlights.delete(highlightName);
  }, [id, view]);

  // A click on a sentence reads from there.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !document.getSelection()?.isCollapsed) return;
      const sentence = event.target.closest<HTMLElement>('.block [data-sid]');
      const at = sentence ? order.indexOf(sentence.dataset.sid!) : -1;
      if (at >= 0) {
        setIndex(at);
        setPlaying(true);
      }
    };
    const body = document.querySelector<HTMLElement>('.article-body');
    body?.addEventListener('click', onClick);
    return () => body?.removeEventListener('click', onClick);
  }, [order]);

  const finished = index >= order.length;
  const go = (step: 1 | -1) => setIndex((at) => Math.max(0, Math.min(order.length - 1, at + step)));

  return (
    <section className="read-aloud" aria-label={t('label')}>
      <p className="read-aloud-status" role="status">
        {finished ? t('finished') : t('position', { at: index + 1, count: order.length })}
      </p>
      <div className="read-aloud-controls">
        <button type="button" onClick={() => go(-1)} aria-label={t('previous')}>
          ←
        </button>
        <button
          type="button"
          className="read-aloud-play"
          onClick={() => {
            if (finished) setIndex(0);
            setPlaying(!playing || finished);
          }}
        >
          {playing && !finished ? t('pause') : t('play')}
        </button>
        <button type="button" onClick={() => go(1)} aria-label={t('next')}>
          →
        </button>
        <label>
          <span className="visually-hidden">{t('mode')}</span>
          <select value={mode} onChange={(event) => setMode(event.target.value as ReadAloudMode)}>
            {modes.map((option) => (
              <option key={option} value={option}>
                {t(`modes.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('speed')}</span>
          <select value={rate} onChange={(event) => setRate(Number(event.target.value))}>
            {readAloudRates.map((option) => (
              <option key={option} value={option}>
                {option}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}
