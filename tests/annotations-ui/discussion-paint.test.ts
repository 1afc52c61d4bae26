// @vitest-environment happy-dom
// The discussion marks: every discussed sentence in both languages, by level, in one walk of the
// page (issue 19: a query per discussed sentence walked the whole article hundreds of times with
// 1,000 notes on it), and nothing for a sentence id the summary does not hold. An attribute on the
// sentence, not a named highlight (decision 010): no highlight is registered; a block is marked
// when it comes near the screen, and kept up to date from then on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import { paintDiscussion } from '@/lib/annotations-ui/discussion';

let highlights: Map<string, unknown>;

beforeEach(() => {
  highlights = new Map();
  vi.stubGlobal('CSS', { highlights, escape: (s: string) => s });
  // Every block counts as near the screen unless a test says otherwise.
  vi.stubGlobal('IntersectionObserver', undefined);
});
afterEach(() => vi.unstubAllGlobals());

function page(ids: string[]): HTMLElement {
  const container = document.createElement('div');
  for (const lang of ['zh', 'en']) {
    const block = container.appendChild(document.createElement('div'));
    block.className = 'block';
    block.dataset.block = `b-${lang}`;
    block.dataset.lang = lang;
    for (const id of ids) {
      const sentence = block.appendChild(document.createElement('span'));
      sentence.dataset.sid = id;
      sentence.textContent = `${lang} ${id}`;
    }
  }
  return container;
}

const tally = (notes: number) => ({ notes, verdicts: {} });
const summaryOf = (sentences: Record<string, ReturnType<typeof tally>>) => ({ sentences }) as unknown as ArticleSummary;
let container: HTMLElement;
/** The sentences marked at a level, as their text. */
const textsOf = (level: string) => [...container.querySelectorAll(`[data-discussion="${level}"]`)].map((element) => element.textContent);

describe('paintDiscussion', () => {
  it('marks each discussed sentence in both languages at its level', () => {
    container = page(['s1', 's2', 's3', 's4']);
    paintDiscussion(container, summaryOf({ s1: tally(1), s2: tally(12), s3: tally(150), s4: tally(0) }));
    expect(textsOf('few')).toEqual(['zh s1', 'en s1']);
    expect(textsOf('some')).toEqual(['zh s2', 'en s2']);
    expect(textsOf('many')).toEqual(['zh s3', 'en s3']);
    expect(container.querySelectorAll('[data-discussion]')).toHaveLength(6);
    expect(highlights.size).toBe(0);
  });

  it('marks nothing for sentences the summary does not hold, whatever their id', () => {
    container = page(['constructor', 'toString', 's9']);
    paintDiscussion(container, summaryOf({ s1: tally(3) }));
    expect(container.querySelectorAll('[data-discussion]')).toHaveLength(0);
  });

  it('walks the page once, however many sentences are discussed', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `s${i}`);
    container = page(ids);
    const walks = vi.spyOn(container, 'querySelectorAll');
    paintDiscussion(container, summaryOf(Object.fromEntries(ids.map((id) => [id, tally(2)]))));
    expect(walks).toHaveBeenCalledTimes(1);
    expect(textsOf('few')).toHaveLength(100);
  });

  it('clears the marks when there is no summary to show', () => {
    container = page(['s1']);
    paintDiscussion(container, summaryOf({ s1: tally(4) }));
    expect(textsOf('few')).toEqual(['zh s1', 'en s1']);
    paintDiscussion(container, undefined);
    expect(container.querySelectorAll('[data-discussion]')).toHaveLength(0);
  });

  it('marks a block when it nears the screen, with the latest counts, and keeps the marked ones up to date', () => {
    const observed: Element[] = [];
    let report: (entries: { target: Element; isIntersecting: boolean }[]) => void = () => {};
    class FakeObserver {
      constructor(callback: typeof report) {
        report = callback;
      }
      observe(target: Element) {
        observed.push(target);
      }
      unobserve() {}
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    container = page(['s1', 's2']);
    paintDiscussion(container, summaryOf({ s1: tally(2) }));
    const [zh, en] = observed;
    expect(container.querySelectorAll('[data-discussion]')).toHaveLength(0);
    report([{ target: zh, isIntersecting: true }]);
    expect(textsOf('few')).toEqual(['zh s1']);
    paintDiscussion(container, summaryOf({ s1: tally(12), s2: tally(1) }));
    expect(textsOf('some')).toEqual(['zh s1']);
    expect(textsOf('few')).toEqual(['zh s2']);
    report([{ target: en, isIntersecting: true }]);
    expect(textsOf('some')).toEqual(['zh s1', 'en s1']);
  });
});
