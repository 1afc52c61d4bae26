// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextView, shortcutOf, stepNote } from '@/lib/annotations-ui/shortcuts';

const press = (key: string, target: EventTarget | null = document.body, mods: Partial<KeyboardEvent> = {}) =>
  shortcutOf({ key, target, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('maps the keys to actions', () => {
    expect(['?', 'h', 'n', 'j', 'k', 'v', 'l', 'p', 'x'].map((key) => press(key))).toEqual([
      'help',
      'highlight',
      'note',
      'nextNote',
      'previousNote',
      'cycleView',
      'lookUp',
      'pinyin',
      null,
    ]);
  });

  it('stays out of the way while the reader types or uses the browser’s own shortcuts', () => {
    for (const tag of ['input', 'textarea', 'select'])
      expect(press('h', document.body.appendChild(document.createElement(tag)))).toBeNull();
    const editable = document.body.appendChild(document.createElement('div'));
    editable.setAttribute('contenteditable', 'true');
    expect(press('j', editable.appendChild(document.createElement('span')))).toBeNull();
    expect(press('v', document.body, { ctrlKey: true })).toBeNull();
    expect(press('h', document.body, { metaKey: true })).toBeNull();
  });

  it('cycles the views and steps through notes, wrapping around', () => {
    expect([nextView('zh'), nextView('en'), nextView('bilingual')]).toEqual(['en', 'bilingual', 'zh']);
    expect(stepNote(['a', 'b', 'c'], undefined, 1)).toBe('a');
    expect(stepNote(['a', 'b', 'c'], undefined, -1)).toBe('c');
    expect(stepNote(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(stepNote(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(stepNote(['a', 'b', 'c'], 'gone', 1)).toBe('a');
    expect(stepNote([], 'a', 1)).toBeUndefined();
  });
});
