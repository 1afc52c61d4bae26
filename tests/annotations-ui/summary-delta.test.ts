import { describe, expect, it } from 'vitest';
import type { ArticleSummary, Tally } from '@/lib/annotations/read-model';
import { mergeSummary } from '@/lib/annotations-ui/summary-delta';

const tally = (notes: number, supported = 0): Tally => ({ notes, verdicts: { supported, disputed: 0, false: 0, unverified: 0 } });
const summary = (revision: number, sentences: Record<string, Tally>, since?: number): ArticleSummary => ({
  revision,
  totals: tally(Object.values(sentences).reduce((n, t) => n + t.notes, 0)),
  sentences,
  editorial: {},
  ...(since === undefined ? {} : { since }),
});

describe('merging a summary delta', () => {
  const held = summary(5, { 'p01-s1': tally(2), 'p02-s1': tally(1), 'p03-s1': tally(4, 1) });

  it('changes the sentences the delta names, drops those gone to none, keeps the rest', () => {
    const delta = summary(8, { 'p02-s1': tally(0), 'p03-s1': tally(5, 2), 'p09-s2': tally(1) }, 5);
    const merged = mergeSummary(held, delta)!;
    expect(merged.revision).toBe(8);
    expect(merged.sentences).toEqual({ 'p01-s1': tally(2), 'p03-s1': tally(5, 2), 'p09-s2': tally(1) });
    expect(merged.totals).toEqual(delta.totals);
    expect(merged.since).toBeUndefined();
  });

  it('takes a whole summary as it is, and ignores an answer older than what is held', () => {
    const whole = summary(9, { 'p04-s1': tally(1) });
    expect(mergeSummary(held, whole)).toBe(whole);
    expect(mergeSummary(held, summary(4, { 'p04-s1': tally(1) }))).toBe(held);
    expect(mergeSummary(held, summary(4, {}, 3))).toBe(held);
  });

  it('never merges a delta into a summary older than the delta’s start (changes would be missing)', () => {
    expect(mergeSummary(summary(3, {}), summary(8, { 'p01-s1': tally(1) }, 5))).toEqual(summary(3, {}));
    expect(mergeSummary(undefined, summary(8, { 'p01-s1': tally(1) }, 5))).toBeUndefined();
  });

  it('takes the editors’ verdicts whole from every answer, a delta included', () => {
    const held = { ...summary(3, { a: tally(1) }), editorial: { a: 'false' as const } };
    const delta = { ...summary(4, { b: tally(1) }, 3), editorial: { b: 'true' as const } };
    expect(mergeSummary(held, delta)?.editorial).toEqual({ b: 'true' });
  });
});
