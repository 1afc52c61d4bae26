import { describe, expect, it } from 'vitest';
import { screenOrder, type NoteBox } from '@/lib/annotations-ui/screen-order';

const box = (id: string, top: number, height = 20): NoteBox => ({ id, top, bottom: top + height });
const hidden = (id: string): NoteBox => ({ id, top: null, bottom: null });

describe('the notes list follows the reader', () => {
  const band = { top: 60, bottom: 500 };

  it('puts what is on screen first, then what comes next, then what was read, then what the view hides', () => {
    const boxes = [hidden('h'), box('read', -300), box('next2', 1400), box('on2', 300), box('next1', 800), box('on1', 100)];
    const { order, onScreen } = screenOrder(boxes, band);
    expect(order).toEqual(['on1', 'on2', 'next1', 'next2', 'read', 'h']);
    expect([...onScreen]).toEqual(['on1', 'on2']);
  });

  it('counts a passage half under the reader bar or the bottom sheet as on screen, and one just past either as not', () => {
    const { onScreen } = screenOrder(
      [box('under-bar', 50), box('under-sheet', 490), box('past-bar', 30, 30), box('past-sheet', 500)],
      band,
    );
    expect([...onScreen].sort()).toEqual(['under-bar', 'under-sheet']);
  });

  it('keeps an empty list empty', () => {
    expect(screenOrder([], band)).toEqual({ order: [], onScreen: new Set() });
  });
});
