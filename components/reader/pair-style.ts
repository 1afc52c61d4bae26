import type { CSSProperties } from 'react';
import type { ArticleLang } from '@/lib/content/types';

/**
 * Grid placement of one language of an aligned pair. Side by side, both languages share row
 * `--pair`; interleaved (narrow screens, or a translation opened under its paragraph) the Chinese
 * takes row `--row` = 2n-1 and the English 2n.
 */
export function pairStyle(index: number, lang: ArticleLang): CSSProperties {
  return { '--pair': index, '--row': index * 2 - (lang === 'zh' ? 1 : 0) } as CSSProperties;
}
