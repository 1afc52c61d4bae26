import type { Band } from './reveal-passage';

/** Where a note's passage is on the screen now (null: not shown in this view). */
export type NoteBox = { id: string; top: number; bottom: number } | { id: string; top: null; bottom: null };

/**
 * The order of a notes list beside the article, following the reader: the notes whose passage is on
 * screen first, then those further on, then those already read, each in reading order; notes the
 * view does not show come last, as they were.
 */
export function screenOrder(boxes: NoteBox[], band: Band): { order: string[]; onScreen: Set<string> } {
  const shown = boxes.filter((b): b is Extract<NoteBox, { top: number }> => b.top !== null).sort((a, b) => a.top - b.top);
  const on = shown.filter((b) => b.bottom > band.top && b.top < band.bottom);
  const after = shown.filter((b) => b.top >= band.bottom);
  const before = shown.filter((b) => b.bottom <= band.top);
  const hidden = boxes.filter((b) => b.top === null);
  return { order: [...on, ...after, ...before, ...hidden].map((b) => b.id), onScreen: new Set(on.map((b) => b.id)) };
}

/** A note's box from its anchored ranges: its own passage if the view shows it, else its aligned counterpart. */
export function noteBox(id: string, ranges: Range[], counterpart: Range[]): NoteBox {
  for (const range of [ranges[0], counterpart[0]]) {
    const rect = range?.getBoundingClientRect();
    if (rect && rect.height > 0) return { id, top: rect.top, bottom: rect.bottom };
  }
  return { id, top: null, bottom: null };
}
