import type { ArticleLang } from '@/lib/content/types';

/**
 * The reader's keyboard shortcuts, as Readwise Reader and Hypothesis readers know them: `?` lists
 * them, `h` highlights the selection, `n` starts a note on it, `j`/`k` go to the next or previous
 * note, `v` cycles the views, `l` looks up the Chinese word at the cursor, `p` turns pinyin on or off (components/learning). Escape (closing without losing anything) belongs to the panels.
 */
export const shortcuts = ['help', 'highlight', 'note', 'nextNote', 'previousNote', 'cycleView', 'lookUp', 'pinyin'] as const;
export type Shortcut = (typeof shortcuts)[number];

export const shortcutKeys: Record<Shortcut, string> = {
  help: '?',
  highlight: 'h',
  note: 'n',
  nextNote: 'j',
  previousNote: 'k',
  cycleView: 'v',
  lookUp: 'l',
  pinyin: 'p',
};

const byKey = new Map(Object.entries(shortcutKeys).map(([action, key]) => [key, action as Shortcut]));

/** Where typing goes to the page, not to the shortcuts. */
const typingTarget = (target: EventTarget | null) =>
  target instanceof Element && !!target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');

/** The shortcut a key press asks for, if any: never while typing, nor with Ctrl, Alt or Meta held. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>): Shortcut | null {
  if (event.ctrlKey || event.altKey || event.metaKey || typingTarget(event.target)) return null;
  return byKey.get(event.key) ?? null;
}

/** The next view in the cycle Chinese → English → both. */
export function nextView(view: ArticleLang | 'bilingual'): ArticleLang | 'bilingual' {
  return view === 'zh' ? 'en' : view === 'en' ? 'bilingual' : 'zh';
}

/**
 * Of notes in reading order, the one after (or before) the one the reader was last taken to; from
 * nowhere, the first (or last). Wraps around.
 */
export function stepNote(ids: string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const at = current ? ids.indexOf(current) : -1;
  if (at < 0) return step === 1 ? ids[0] : ids[ids.length - 1];
  return ids[(at + step + ids.length) % ids.length];
}
