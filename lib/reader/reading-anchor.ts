import { leadingLang, type ReadingView } from './views';

/** The sentence (or block) at the top of the reader's screen, and where on the screen it was. */
export type ReadingAnchor = { block: string; sentence?: string; top: number };

/** Where the sticky toolbar ends: text above this line is hidden behind it. */
function readingLine(container: HTMLElement): number {
  const toolbar = container.querySelector('.reader-toolbar');
  return toolbar ? Math.max(0, toolbar.getBoundingClientRect().bottom) : 0;
}

/**
 * Finds the sentence the reader is on: the one at the start of the first text line below the sticky
 * toolbar, in the language that leads the current view. Reads layout only (no writes).
 */
export function findReadingAnchor(container: HTMLElement, view: ReadingView): ReadingAnchor | undefined {
  if (window.scrollY === 0) return undefined;
  const line = readingLine(container) + 8;
  const blocks = container.querySelectorAll<HTMLElement>(`.block[data-lang="${leadingLang(view)}"]`);
  for (const block of blocks) {
    const rect = block.getBoundingClientRect();
    if (rect.bottom <= line) continue;
    const hit = document.elementFromPoint(rect.left + 4, Math.max(line, rect.top + 4));
    const sentence = hit && block.contains(hit) ? hit.closest<HTMLElement>('[data-sid]') : null;
    const first = sentence ?? [...block.querySelectorAll<HTMLElement>('[data-sid]')].find((s) => s.getBoundingClientRect().bottom > line);
    if (first) return { block: block.dataset.block!, sentence: first.dataset.sid, top: first.getBoundingClientRect().top };
    return { block: block.dataset.block!, top: rect.top };
  }
  return undefined;
}

/**
 * After a view change, scrolls so the anchor's counterpart sits where the anchor was. Off-screen
 * text (content-visibility: auto) takes its real size only in the frames after the switch, which
 * moves the counterpart; a ResizeObserver (called after layout, before paint) corrects the position
 * until the page settles, or until the reader scrolls.
 */
export function restoreReadingAnchor(container: HTMLElement, anchor: ReadingAnchor, view: ReadingView) {
  const block = container.querySelector<HTMLElement>(`.block[data-lang="${leadingLang(view)}"][data-block="${anchor.block}"]`);
  const target = (anchor.sentence && block?.querySelector<HTMLElement>(`[data-sid="${anchor.sentence}"]`)) || block;
  if (!target) return;
  const correct = () => {
    const drift = target.getBoundingClientRect().top - anchor.top;
    if (Math.abs(drift) >= 1) window.scrollBy({ top: drift, behavior: 'instant' });
  };
  correct();

  const observer = new ResizeObserver(correct);
  const userInput = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    observer.disconnect();
    userInput.forEach((type) => window.removeEventListener(type, stop));
  };
  observer.observe(container);
  // From the next task: a key that asked for this (`v`, `p`) is still on its way to the window.
  setTimeout(() => userInput.forEach((type) => window.addEventListener(type, stop, { passive: true, once: true })));
  setTimeout(stop, 1000);
}
