import { diffChars, diffWordsWithSpace } from 'diff';
import type { ArticleLang } from '@/lib/content/types';

/** A run of a suggestion shown against the current text: kept, added by the suggestion, or taken out. */
export type DiffPart = { text: string; change: 'kept' | 'added' | 'removed' };

/**
 * Alternating runs read as a stutter ("~~At~~For ~~least~~now"): changes that only a space or a
 * single character of the same text separate are shown as one removed run, then one added run.
 */
function grouped(parts: DiffPart[], lang: ArticleLang): DiffPart[] {
  const joins = (part: DiffPart) => part.change === 'kept' && (lang === 'en' ? /^\s+$/.test(part.text) : [...part.text].length === 1);
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ text: removed, change: 'removed' });
    if (added) out.push({ text: added, change: 'added' });
    removed = added = '';
  };
  parts.forEach((part, i) => {
    const inChange = removed !== '' || added !== '';
    const next = parts[i + 1];
    if (part.change === 'removed') removed += part.text;
    else if (part.change === 'added') added += part.text;
    else if (inChange && joins(part) && next && next.change !== 'kept') {
      // Between two changes: in both texts, so in both runs.
      removed += part.text;
      added += part.text;
    } else {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}

/**
 * A translation suggestion against the sentence it rewrites (issue 15, part 4): by word in English,
 * by character in Chinese, which has no spaces to find words by.
 */
export function suggestionDiff(current: string, suggested: string, lang: ArticleLang): DiffPart[] {
  const key = `${lang}\u0000${current}\u0000${suggested}`;
  const known = recent.get(key);
  if (known) return known;
  // Past this many edits a diff says no more than "rewritten", and costs time on every list that shows it.
  const options = { maxEditLength: 200 };
  const parts = lang === 'en' ? diffWordsWithSpace(current, suggested, options) : diffChars(current, suggested, options);
  const diff = parts
    ? grouped(
        parts.map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'kept' })),
        lang,
      )
    : [
        { text: current, change: 'removed' as const },
        { text: suggested, change: 'added' as const },
      ];
  if (recent.size >= recentLimit) recent.delete(recent.keys().next().value!);
  recent.set(key, diff);
  return diff;
}

/**
 * Diffs worked out lately, oldest first: a list of notes is read again and again (every page view
 * that does not hit a cache), its suggestions and the article's sentences unchanged between reads.
 */
const recent = new Map<string, DiffPart[]>();
const recentLimit = 1000;
