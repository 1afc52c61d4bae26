import { leadingLang, type ReadingView } from './views';

/** The sentence (or block) at the top of the reader's screen, and where on the screen it was. */
export type ReadingAnchor = { block: string; sentence?: string; top: number };

/** Where the sticky toolbar ends: text above this line is hidden behind it. */
function readingLine(container: HTMLElement): number {
  const toolbar = container.querySelector('.reader-toolbar');
  return toolbar ? Math.max(0, toolbar.getBoundingClientRect().bottom) : 0;
}

/**
 * Finds the first sentence the reader can see in the language that leads the current view.
 * Reads layout only (no writes), so it is one forced layout at most.
 */
export function findReadingAnchor(container: HTMLElement, view: ReadingView): ReadingAnchor | undefined {
  if (window.scrollY === 0) return undefined;
  const line = readingLine(container);
  const blocks = container.querySelectorAll<HTMLElement>(`.block[data-lang="${leadingLang(view)}"]`);
  for (const block of blocks) {
    const rect = block.getBoundingClientRect();
    if (rect.bottom <= line) continue;
    for (const sentence of block.querySelectorAll<HTMLElement>('[data-sid]')) {
      const box = sentence.getBoundingClientRect();
      if (box.bottom > line) return { block: block.dataset.block!, sentence: sentence.dataset.sid, top: box.top };
    }
    return { block: block.dataset.block!, top: rect.top };
  }
  return undefined;
}

/** After a view change, scrolls so the anchor's counterpart sits where the anchor was. */
export function restoreReadingAnchor(container: HTMLElement, anchor: ReadingAnchor, view: ReadingView) {
  const block = container.querySelector<HTMLElement>(`.block[data-lang="${leadingLang(view)}"][data-block="${anchor.block}"]`);
  const target = (anchor.sentence && block?.querySelector<HTMLElement>(`[data-sid="${anchor.sentence}"]`)) || block;
  if (!target) return;
  window.scrollBy({ top: target.getBoundingClientRect().top - anchor.top, behavior: 'instant' });
}
