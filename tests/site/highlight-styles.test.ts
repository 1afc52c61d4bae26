// @vitest-environment happy-dom
// The ::highlight() rules cost every element's style while the document has them (decision 010):
// they are adopted the first time a range is painted, once, and never for a page with nothing painted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeHighlight {
  ranges: Range[];
  priority = 0;
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

let painted: Map<string, FakeHighlight>;
let styles: typeof import('@/lib/site/highlight-styles');

beforeEach(async () => {
  painted = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: painted });
  document.adoptedStyleSheets = [];
  vi.resetModules();
  styles = await import('@/lib/site/highlight-styles');
});
afterEach(() => vi.unstubAllGlobals());

const range = () => {
  const text = document.body.appendChild(document.createElement('p'));
  text.textContent = '资本支出';
  const r = document.createRange();
  r.selectNodeContents(text);
  return r;
};

describe('setHighlight', () => {
  it('registers an empty highlight without adding the rules', () => {
    styles.setHighlight('note-yellow', []);
    expect(painted.get('note-yellow')?.ranges).toEqual([]);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('adds the rules with the first range painted, once however much is painted after', () => {
    const first = range();
    styles.setHighlight('note-others', [first]);
    styles.setHighlight('note-active', [range()], 1);
    styles.adoptHighlightStyles();
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(painted.get('note-others')?.ranges).toEqual([first]);
    expect(painted.get('note-active')?.priority).toBe(1);
  });
});
