import type { Anchored } from './page-anchoring';

/**
 * What the reader chose to see painted over the article: their own notes (and a quiet mark where
 * others discuss), everyone's (others' fainter), or nothing. Remembered in this browser.
 */
export const paintChoices = ['mine', 'everyone', 'none'] as const;
export type PaintChoice = (typeof paintChoices)[number];

const key = 'reader-paint';

const isPaintChoice = (value: unknown): value is PaintChoice => (paintChoices as readonly unknown[]).includes(value);

export function loadPaintChoice(): PaintChoice {
  try {
    const stored = window.localStorage.getItem(key);
    return isPaintChoice(stored) ? stored : 'mine';
  } catch {
    return 'mine';
  }
}

export function savePaintChoice(choice: PaintChoice) {
  try {
    window.localStorage.setItem(key, choice);
  } catch {
    // Storage disabled: the choice holds for this visit.
  }
}

/** The notes a choice paints (a note lit because the reader opened it is painted whatever the choice). */
export function paintedNotes(anchored: Anchored[], choice: PaintChoice, viewerId: string | undefined): Anchored[] {
  if (choice === 'none') return [];
  if (choice === 'everyone') return anchored;
  return viewerId ? anchored.filter((a) => a.annotation.author.id === viewerId) : [];
}
