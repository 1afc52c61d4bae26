'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { whenIdle } from '@/lib/site/when-idle';

const remembered = 'reader-mark-above';
const levels = [1, 2, 3, 4, 5, 6] as const;

/**
 * "Mark words above [level]": the words of the Chinese text above the level the reader picks
 * (remembered on this device) are underlined, a block at a time as the text comes near the screen
 * (lib/learning-ui/level-marks.ts). `counts[n]`: the article's running words above level n.
 */
export function LevelMarks({ slug, counts }: { slug: string; counts: Record<number, number> }) {
  const t = useTranslations('Learning');
  const id = useId();
  const [above, setAbove] = useState(0);
  // The choice exists only in the browser, after hydration; read when the page is idle (as in word-lookup-control.tsx).
  useEffect(() => whenIdle(() => setAbove(levels.find((level) => String(level) === localStorage.getItem(remembered)) ?? 0)), []);
  // The marking's code is loaded when a level is first chosen: a reader who never does pays nothing.
  useEffect(() => {
    if (!above) return;
    let undo: (() => void) | undefined;
    let live = true;
    void import('@/lib/learning-ui/level-marks').then(({ markWordsAbove }) => {
      if (live) undo = markWordsAbove(slug, above);
    });
    return () => {
      live = false;
      undo?.();
    };
  }, [slug, above]);

  const choose = (level: number) => {
    setAbove(level);
    if (level) localStorage.setItem(remembered, String(level));
    else localStorage.removeItem(remembered);
  };

  return (
    <p className="level-marks">
      <label htmlFor={id}>{t('markAbove')}</label>{' '}
      <select id={id} value={above} onChange={(event) => choose(Number(event.target.value))}>
        <option value={0}>{t('markOff')}</option>
        {levels.map((level) => (
          <option key={level} value={level}>
            {t('hsk', { level })}
          </option>
        ))}
      </select>{' '}
      <span className="level-marks-count">{above ? t('markedCount', { count: counts[above] ?? 0, level: above }) : ''}</span>
    </p>
  );
}
