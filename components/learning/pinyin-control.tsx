'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { shortcutOf } from '@/lib/annotations-ui/shortcuts';
import { keepPlaceAcrossLoad, restorePlaceAfterLoad } from '@/lib/learning-ui/pinyin-place';
import { findReadingAnchor, restoreReadingAnchor } from '@/lib/reader/reading-anchor';
import { pinyinCookie, pinyinParam } from '@/lib/reader/pinyin';
import { useReadingView } from '@/components/reader/reader-view';

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

  useEffect(() => {
    const container = document.querySelector<HTMLElement>('.reader');
    if (container) restorePlaceAfterLoad(container, view);
    // Only on the page's arrival: the view it was served in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const switchPinyin = () => {
    const container = document.querySelector<HTMLElement>('.reader');
    if (!container) return;
    const next = !shown;
    if (next && !served) {
      keepPlaceAcrossLoad(container, view);
      const url = new URL(location.href);
      url.searchParams.set(pinyinParam, '1');
      return location.replace(url);
    }
    const anchor = findReadingAnchor(container, view);
    container.toggleAttribute('data-pinyin-hidden', !next);
    if (anchor) restoreReadingAnchor(container, anchor, view);
    rememberPinyin(next);
    setShown(next);
  };

  // `p`, from anywhere in the article: the toggle sits above the text, far from where one reads.
  const onShortcut = useRef(switchPinyin);
  useEffect(() => {
    onShortcut.current = switchPinyin;
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (shortcutOf(event) !== 'pinyin') return;
      event.preventDefault();
      onShortcut.current();
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
