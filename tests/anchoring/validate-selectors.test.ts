import { describe, expect, it } from 'vitest';
import { canonicalText } from '@/lib/anchoring/canonical-text';
import { describeOffsets } from '@/lib/anchoring/describe';
import type { CanonicalText } from '@/lib/anchoring/types';
import { validateSelectors, type SelectorClaims } from '@/lib/anchoring/validate-selectors';
import { original, seededRandom } from './support/article';

function claimsFor(canonical: CanonicalText, start: number, end: number): SelectorClaims {
  const { selectors, blockId, sentenceIds } = describeOffsets(canonical, start, end)!;
  const [quote, position] = selectors;
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end, blockId, sentenceIds };
}

const fields = (canonical: CanonicalText, claims: SelectorClaims) => validateSelectors(canonical, claims).map((p) => p.field);

describe.each(['zh', 'en'] as const)('validateSelectors on the %s article', (lang) => {
  const canonical = original(lang);
  const s = canonical.sentences[20];
  const valid = claimsFor(canonical, s.start + 1, s.end);

  it('accepts whatever describeOffsets gives', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(random() * canonical.text.length);
      const description = describeOffsets(canonical, start, Math.min(canonical.text.length, start + 1 + Math.floor(random() * 400)));
      if (!description) continue;
      const [quote, position] = description.selectors;
      const { blockId, sentenceIds } = description;
      expect(validateSelectors(canonical, { ...quote, ...position, blockId, sentenceIds })).toEqual([]);
    }
  });

  it.each([
    ['start', { start: -1 }],
    ['start', { start: 1.5 }],
    ['start', { start: Number.NaN }],
    ['end', { end: 10 ** 7 }],
    ['end', { end: '12' as unknown as number }],
    ['exact', { exact: '   ' }],
    ['prefix', { prefix: undefined as unknown as string }],
  ] as const)('names %s when it is malformed: %o', (field, change) => {
    expect(fields(canonical, { ...valid, ...change })).toContain(field);
  });

  it('names end when the range is empty or reversed', () => {
    for (const end of [valid.start, valid.start - 1]) {
      expect(validateSelectors(canonical, { ...valid, end })).toEqual([{ field: 'end', message: 'end must be greater than start' }]);
    }
  });

  it('names exact, prefix or suffix when they are not the text at the position', () => {
    expect(fields(canonical, { ...valid, exact: `${valid.exact}x` })).toEqual(['exact']);
    expect(fields(canonical, { ...valid, prefix: valid.prefix.slice(1) })).toEqual(['prefix']);
    expect(fields(canonical, { ...valid, suffix: `${valid.suffix}x` })).toEqual(['suffix']);
    const shifted = { ...valid, start: valid.start + 1, end: valid.end + 1 };
    expect(fields(canonical, shifted)).toEqual(expect.arrayContaining(['exact', 'prefix', 'suffix']));
  });

  it('names blockId and sentenceIds when they do not match the offsets', () => {
    const across = claimsFor(canonical, canonical.sentences[4].start, canonical.sentences[6].end);
    expect(fields(canonical, { ...across, blockId: 'p09' })).toEqual(['blockId']);
    expect(fields(canonical, { ...across, sentenceIds: across.sentenceIds.slice(1) })).toEqual(['sentenceIds']);
    expect(fields(canonical, { ...across, sentenceIds: [...across.sentenceIds].reverse() })).toEqual(['sentenceIds']);
    expect(fields(canonical, { ...across, sentenceIds: 'p01-s1' as unknown as string[] })).toEqual(['sentenceIds']);
  });
});

describe('validateSelectors with astral characters', () => {
  const canonical = canonicalText(
    [{ id: 'p01', kind: 'paragraph', index: 1, line: 1, sentences: [{ id: 'p01-s1', text: '𠮷野家的拉面🍜很好吃。', line: 1 }] }],
    'zh',
  );

  it('names an offset that cuts a character in two', () => {
    expect(
      fields(canonical, {
        exact: '\udfb7野',
        prefix: '\ud842',
        suffix: '家的拉面🍜很好吃。',
        start: 1,
        end: 3,
        blockId: 'p01',
        sentenceIds: ['p01-s1'],
      }),
    ).toEqual(['start']);
    expect(validateSelectors(canonical, { ...claimsFor(canonical, 0, 3) })).toEqual([]);
  });
});
