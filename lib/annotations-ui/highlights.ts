import { highlightColors } from '@/lib/annotations/vocabulary';
import { setHighlight } from '@/lib/site/highlight-styles';
import type { Anchored } from './page-anchoring';

/** Kinds drawn with a line of their own under the colour (a plain highlight has none). */
const underlinedKinds = ['comment', 'question', 'claim', 'translation'] as const;

/** Whether this browser can paint highlights without touching the DOM (the CSS Custom Highlight API). */
function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * Paints annotations: the reader's own in the colour they chose (one named highlight per colour) with
 * a line under it for its kind, so colour is never the only cue; other readers' with one fainter highlight, the aligned sentences of the other language, and the active notes (hovered,
 * open, or just jumped to) over all of them, painted or not. Replaces whatever was painted before.
 */
export function paintHighlights(painted: Anchored[], all: Anchored[], active: ReadonlySet<string>, viewerId: string | undefined) {
  if (!supported()) return;
  const mine = painted.filter((a) => viewerId !== undefined && a.annotation.author.id === viewerId);
  for (const color of highlightColors) {
    setHighlight(
      `note-${color}`,
      mine.filter((a) => a.annotation.color === color).flatMap((a) => a.ranges),
    );
  }
  for (const kind of underlinedKinds) {
    setHighlight(
      `note-${kind}`,
      mine.filter((a) => a.annotation.kind === kind).flatMap((a) => a.ranges),
    );
  }
  const own = new Set(mine);
  setHighlight(
    'note-others',
    painted.filter((a) => !own.has(a)).flatMap((a) => a.ranges),
  );
  setHighlight(
    'note-aligned',
    painted.flatMap((a) => a.counterpart),
  );
  const lit = all.filter((a) => active.has(a.annotation.id));
  setHighlight(
    'note-active',
    lit.flatMap((a) => [...a.ranges, ...a.counterpart]),
    1,
  );
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The annotations whose text (or aligned counterpart) is under a point of the viewport. */
export function annotationsAt(anchored: Anchored[], x: number, y: number): string[] {
  const caret = document.caretPositionFromPoint?.(x, y);
  if (!caret) return [];
  return anchored
    .filter((a) =>
      [...a.ranges, ...a.counterpart].some((range) => {
        try {
          return range.isPointInRange(caret.offsetNode, caret.offset) && rectsContain(range, x, y);
        } catch {
          return false;
        }
      }),
    )
    .map((a) => a.annotation.id);
}
