import { restoreReadingAnchor, type ReadingAnchor } from '@/lib/reader/reading-anchor';
import type { ReadingView } from '@/lib/reader/views';
import { placeKey as key } from './pinyin-place-key';

/*
 * Turning pinyin on loads the page's pinyin variant: the sentence the reader was on is kept for the
 * next page in this tab (sessionStorage), which puts it back where it was on the screen.
 */

/** Long enough for a slow load, short enough that a later visit is not moved. */
const freshFor = 15_000;

type KeptPlace = { path: string; anchor: ReadingAnchor; at: number };

export function keepPlaceAcrossLoad(anchor: ReadingAnchor) {
  const kept: KeptPlace = { path: location.pathname, anchor, at: Date.now() };
  try {
    sessionStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // Storage refused (private mode, quota): the page loads at its top, as any link would.
  }
}

/** What was kept, if it is one and is for this page, fresh: anything else is ignored. */
function keptPlace(value: unknown): KeptPlace | undefined {
  const kept = value as Partial<KeptPlace> | null;
  const anchor = kept?.anchor;
  const id = /^[\w-]{1,40}$/;
  if (kept?.path !== location.pathname || typeof kept.at !== 'number' || !(Date.now() - kept.at < freshFor)) return;
  if (!anchor || !id.test(String(anchor.block)) || (anchor.sentence !== undefined && !id.test(String(anchor.sentence)))) return;
  return Number.isFinite(anchor.top) ? (kept as KeptPlace) : undefined;
}

export function restorePlaceAfterLoad(container: HTMLElement, view: ReadingView) {
  let kept: KeptPlace | undefined;
  try {
    kept = keptPlace(JSON.parse(sessionStorage.getItem(key) ?? 'null'));
    sessionStorage.removeItem(key);
  } catch {
    return;
  }
  // A link to a note or a heading (#…) says where to be, and a reader who has already scrolled (a
  // slow page) has chosen: either wins.
  if (kept && !location.hash && window.scrollY === 0) restoreReadingAnchor(container, kept.anchor, view);
}
