import { diffChars, diffWordsWithSpace } from 'diff';
import type { ArticleLang } from '@/lib/content/types';

/** A run of a suggestion shown against the current text: kept, added by the suggestion, or taken out. */
export type DiffPart = { text: string; change: 'kept' | 'added' | 'removed' };

/**
 * A translation suggestion against the sentence it rewrites (issue 15, part 4): by word in English,
 * by character in Chinese, which has no spaces to find words by.
 */
export function suggestionDiff(current: string, suggested: string, lang: ArticleLang): DiffPart[] {
  const parts = lang === 'en' ? diffWordsWithSpace(current, suggested) : diffChars(current, suggested);
  return parts.map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'kept' }));
}
