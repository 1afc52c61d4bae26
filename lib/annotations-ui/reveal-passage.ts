/**
 * Scrolls so that a passage sits in the part of the screen nothing covers: below the sticky reader
 * bar and, on a phone, above the notes' bottom sheet (centred in that band when it fits). On wide
 * screens the panel stands beside the text and covers nothing above or below it.
 */
export function revealPassage(range: Range, bar: Element | null, panel: Element | null) {
  const passage = range.getBoundingClientRect();
  const top = bar ? bar.getBoundingClientRect().bottom : 0;
  const sheet = panel?.getBoundingClientRect();
  const isSheet = sheet && sheet.top > top && sheet.left < passage.right && sheet.right > passage.left;
  const bottom = isSheet ? sheet.top : window.innerHeight;
  const room = bottom - top;
  const wanted = passage.height < room ? top + (room - passage.height) / 2 : top + 8;
  window.scrollBy({ top: passage.top - wanted, behavior: 'instant' });
}

/** Whether a reading view shows text in a language without the reader opening anything. */
export function viewShows(view: 'zh' | 'en' | 'bilingual', lang: 'zh' | 'en'): boolean {
  return view === 'bilingual' || view === lang;
}
