'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { shortcutOf } from '@/lib/annotations-ui/shortcuts';
import { hasPlaceAcrossLoad } from '@/lib/learning-ui/pinyin-place-key';
import { findReadingAnchor, restoreReadingAnchor } from '@/lib/reader/reading-anchor';
import { pinyinCookie, pinyinParam } from '@/lib/reader/pinyin';
import { useReadingView } from '@/components/reader/reader-view';

const placeCode = () => import('@/lib/learning-ui/pinyin-place');

function rememberPinyin(on: boolean) {
  const url = new URL(location.href);
  url.searchParams.set(pinyinParam, on ? '1' : '0');
  history.replaceState(history.state, '', url);
  document.cookie = `${pinyinCookie}=${on ? 1 : 0}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * "Pinyin" (拼音): a link first (`?pinyin=1`, which serves the page with `<ruby>` over the Chinese,
 * JavaScript or not). On a page served with pinyin, turning it off and on again only shows or hides
 * the `<rt>`s (word-card.css), keeping the sentence the reader is on where it is; on a page served
 * without, turning it on loads the pinyin variant and puts the reader back at the same sentence.
 * `p` does the same from anywhere on the page.
 */
export function PinyinControl({ served }: { served: boolean }) {
  const t = useTranslations('Learning');
  const { view } = useReadingView();
  const [shown, setShown] = useState(served);

  // The code that keeps and restores the place is loaded only when there is a place to restore, or
  // when pinyin is turned on: a reader who never does pays nothing.
  useEffect(() => {
    const container = document.querySelector<HTMLElement>('.reader');
    if (container && hasPlaceAcrossLoad()) void placeCode().then(({ restorePlaceAfterLoad }) => restorePlaceAfterLoad(container, view));
    // Only on the page's arrival: the view it was served in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const switchPinyin = () => {
    const container = document.querySelector<HTMLElement>('.reader');
    if (!container) return;
    const next = !shown;
    if (next && !served) {
      // The place is read now, before anything moves; the code to keep it may still be on its way.
      const anchor = findReadingAnchor(container, view);
      const url = new URL(location.href);
      url.searchParams.set(pinyinParam, '1');
      // The view the reader has now (a note's link may have changed it without remembering it), and
      // no #fragment: the sentence kept is where the reader is, wherever a link once took them.
      url.searchParams.set('view', view);
      url.hash = '';
      void placeCode().then(({ keepPlaceAcrossLoad }) => {
        if (anchor) keepPlaceAcrossLoad(anchor);
        location.replace(url);
      });
      return;
    }
    const anchor = findReadingAnchor(container, view);
    container.toggleAttribute('data-pinyin-hidden', !next);
    if (anchor) restoreReadingAnchor(container, anchor, view);
    rememberPinyin(next);
    setShown(next);
  };

  // `p`, from anywhere in the article: the toggle sits above the text, far from where one reads.
  // Not in the English view (no Chinese to put it over), nor held down, nor while a dialog (the
  // shortcuts' list, a word's card) has the reader's attention.
  const onShortcut = useRef<(event: globalThis.KeyboardEvent) => void>(() => {});
  useEffect(() => {
    onShortcut.current = (event) => {
      const inDialog = event.target instanceof Element && event.target.closest('[role="dialog"], dialog');
      if (view === 'en' || event.repeat || event.defaultPrevented || inDialog || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      switchPinyin();
    };
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (shortcutOf(event) === 'pinyin') onShortcut.current(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const toggle = (event: MouseEvent | KeyboardEvent) => {
    if (('button' in event && event.button !== 0) || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    switchPinyin();
  };

  return (
    <a
      className="lookup-toggle pinyin-toggle"
      href={`?${pinyinParam}=${shown ? 0 : 1}`}
      role="button"
      aria-pressed={shown}
      title={t('pinyinHint')}
      onClick={toggle}
      // A button's keys: Enter follows the link anyway; Space must too.
      onKeyDown={(event) => event.key === ' ' && toggle(event)}
    >
      {t('pinyin')}
    </a>
  );
}
