import type { ArticleLang } from '@/lib/content/types';

/** The part of the screen, top to bottom, that nothing of the reader's own covers. */
export type Band = { top: number; bottom: number };

/**
 * Below the sticky reader bar and, on a phone, above the notes' bottom sheet. On wide screens the
 * panel stands beside the text (from the top of the screen) and covers nothing above or below it.
 */
export function visibleBand(bar: Element | null, panel: Element | null): Band {
  const top = bar ? bar.getBoundingClientRect().bottom : 0;
  const sheet = panel?.getBoundingClientRect();
  return { top, bottom: sheet && sheet.top > top ? sheet.top : window.innerHeight };
}

/** The uncovered part of the screen now: below the reader bar, above the panel when it is a bottom sheet. */
export const visibleBandNow = () => visibleBand(document.querySelector('.reader-toolbar'), document.querySelector('.note-panel'));

/** Scrolls so that a passage sits in the uncovered band, centred when it fits. */
export function revealPassage(range: Range, band: Band) {
  const passage = range.getBoundingClientRect();
  const room = band.bottom - band.top;
  const wanted = passage.height < room ? band.top + (room - passage.height) / 2 : band.top + 8;
  window.scrollBy({ top: passage.top - wanted, behavior: 'instant' });
}

/** Whether a reading view shows text in a language without the reader opening anything. */
export function viewShows(view: ArticleLang | 'bilingual', lang: ArticleLang): boolean {
  return view === 'bilingual' || view === lang;
}
