import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '@/lib/anchoring/anchor';
import { canonicalText } from '@/lib/anchoring/canonical-text';
import { describeOffsets } from '@/lib/anchoring/describe';
import { isCodePointBoundary } from '@/lib/anchoring/text-context';
import type { CanonicalText } from '@/lib/anchoring/types';
import type { Block } from '@/lib/content/types';
import { original, seededRandom } from './support/article';

/** Seeded random selections, as describeOffsets gives them (trimmed), of 1 to `maxLength` code units. */
function randomDescriptions(canonical: CanonicalText, count: number, seed: number, maxLength = 300) {
  const random = seededRandom(seed);
  const descriptions = [];
  while (descriptions.length < count) {
    const start = Math.floor(random() * canonical.text.length);
    const length = 1 + Math.floor(random() ** 2 * maxLength);
    const description = describeOffsets(canonical, start, Math.min(canonical.text.length, start + length));
    if (description) descriptions.push(description);
  }
  return descriptions;
}

describe.each(['zh', 'en'] as const)('anchorSelectors on the %s article', (lang) => {
  const canonical = original(lang);
  const { text } = canonical;
  const descriptions = randomDescriptions(canonical, 200, lang === 'zh' ? 1 : 2);

  it('finds random selections by position in the text they were made on', () => {
    for (const { selectors } of descriptions) {
      expect(anchorSelectors(text, selectors)).toEqual({ start: selectors[1].start, end: selectors[1].end, method: 'position' });
    }
  });

  it('finds them by quote when text before them was inserted, even without a position', () => {
    const inserted = `${lang === 'zh' ? '编者按：本文有更新。' : 'Editor’s note: this article was updated.'}\n\n`;
    const shifted = inserted + text;
    for (const { selectors } of descriptions) {
      const { start, end } = selectors[1];
      expect(anchorSelectors(shifted, selectors)).toEqual({ start: start + inserted.length, end: end + inserted.length, method: 'quote' });
      const found = anchorSelectors(shifted, [selectors[0]]);
      // Without a position, a quote and context repeated verbatim elsewhere may be found there: the same text.
      expect(found && shifted.slice(found.start, found.end)).toBe(selectors[0].exact);
    }
  });

  it('finds a sentence with one character changed by fuzzy quote, with the changed text', () => {
    for (const sentence of canonical.sentences.filter((_, i) => i % 3 === 0)) {
      const middle = (sentence.start + sentence.end) >> 1;
      const edited = `${text.slice(0, middle)}X${text.slice(middle + 1)}`;
      const { selectors } = describeOffsets(canonical, sentence.start, sentence.end)!;
      expect(anchorSelectors(edited, selectors)).toEqual({ start: sentence.start, end: sentence.end, method: 'fuzzy' });
    }
  });

  it('finds selections spanning sentences and paragraphs, and at both ends of the text', () => {
    const spans = [
      [0, canonical.sentences[1].end],
      [canonical.sentences[3].start + 2, canonical.sentences[9].end - 2],
      [canonical.sentences.at(-3)!.start, text.length],
      [0, text.length],
    ];
    for (const [start, end] of spans) {
      const { selectors } = describeOffsets(canonical, start, end)!;
      expect(anchorSelectors(text, selectors)).toMatchObject({ start, end, method: 'position' });
      const moved = `${text.slice(end)}\n\n${text.slice(0, end)}`; // the selection now ends the text
      expect(anchorSelectors(moved, selectors)).toMatchObject({ start: moved.length - (end - start), end: moved.length });
    }
  });

  it('does not take a short quote at its old position when its context has changed', () => {
    const s = canonical.sentences[40];
    const { selectors } = describeOffsets(canonical, s.start, s.start + (lang === 'zh' ? 2 : 4))!;
    const rewritten =
      text.slice(0, s.start - 40) + 'x'.repeat(40) + text.slice(s.start, s.start + 4) + 'y'.repeat(40) + text.slice(s.start + 44);
    expect(rewritten.slice(s.start, s.start + selectors[0].exact.length)).toBe(selectors[0].exact);
    expect(anchorSelectors(rewritten, selectors)).toBeNull();
  });
});

describe('anchorSelectors with astral characters', () => {
  const sentence = (id: string, text: string) => ({ id, text, line: 1 });
  const blocks: Block[] = [
    {
      id: 'p01',
      kind: 'paragraph',
      index: 1,
      line: 1,
      sentences: [sentence('p01-s1', '𠮷野家的拉面🍜很好吃。'), sentence('p01-s2', '我们点了两碗𩸽鱼饭😀。')],
    },
    { id: 'p02', kind: 'paragraph', index: 2, line: 3, sentences: [sentence('p02-s1', '最后每人付了𠀋二十元。')] },
  ];
  const canonical = canonicalText(blocks, 'zh');

  it('round-trips every selection', () => {
    for (let start = 0; start < canonical.text.length; start++) {
      for (let end = start + 1; end <= canonical.text.length; end++) {
        const description = describeOffsets(canonical, start, end);
        if (!description) continue;
        const { selectors } = description;
        expect(anchorSelectors(canonical.text, selectors)).toMatchObject({ start: selectors[1].start, end: selectors[1].end });
      }
    }
  });

  it('widens a fuzzy match that would cut an astral character', () => {
    const { selectors } = describeOffsets(canonical, 0, canonical.sentences[1].end)!;
    const edited = canonical.text.replace('拉面', '拉麵').replace('🍜很', '🍲很');
    const anchor = anchorSelectors(edited, selectors)!;
    expect(anchor).toMatchObject({ start: 0, end: canonical.sentences[1].end, method: 'fuzzy' });
    expect(isCodePointBoundary(edited, anchor.start) && isCodePointBoundary(edited, anchor.end)).toBe(true);
  });
});

describe('anchorSelectors on odd input', () => {
  const text = original('en').text;
  const { selectors } = describeOffsets(original('en'), 100, 160)!;
  const [quote, position] = selectors;
  const cases: [string, string, unknown][] = [
    ['empty text', '', selectors],
    ['no selectors', text, []],
    ['null selectors', text, null],
    ['undefined selectors', text, undefined],
    ['selectors that are not objects', text, [null, 1, 'x', []]],
    ['an unknown selector type', text, [{ type: 'XPathSelector', value: '/p[1]' }]],
    ['a quote that is not a string', text, [{ type: 'TextQuoteSelector', exact: 42 }]],
    ['an empty quote', text, [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }]],
    ['a blank quote', text, [{ type: 'TextQuoteSelector', exact: '  \n\n ', prefix: '', suffix: '' }]],
    ['a quote longer than the text', 'short text', selectors],
    ['a huge quote', text, [{ ...quote, exact: text + text }]],
    ['context that is not text', text, [{ ...quote, prefix: 12, suffix: { a: 1 } }, position]],
    ['a position out of bounds', text, [quote, { type: 'TextPositionSelector', start: -5, end: 1e9 }]],
    ['a position that is not a number', text, [quote, { type: 'TextPositionSelector', start: 'a', end: Number.NaN }]],
    ['a reversed position', text, [quote, { type: 'TextPositionSelector', start: 160, end: 100 }]],
    ['lone surrogates', '\ud800abc\udc00', [{ type: 'TextQuoteSelector', exact: '\udc00', prefix: '\ud800', suffix: '' }]],
    ['text that is not a string', 42 as unknown as string, selectors],
  ];

  it.each(cases)('never throws on %s', (_, input, given) => {
    expect(() => anchorSelectors(input, given as never)).not.toThrow();
  });

  it('still finds the quote when the position is unusable', () => {
    expect(anchorSelectors(text, [quote, { type: 'TextPositionSelector', start: -5, end: 1e9 }])).toMatchObject({ start: 100, end: 160 });
    expect(anchorSelectors(text, [{ ...quote, prefix: 12, suffix: { a: 1 } } as never, position])).toMatchObject({ method: 'position' });
  });

  it('trusts a bare position (there is nothing to check it against), but not a bare short quote', () => {
    expect(anchorSelectors(text, [position])).toEqual({ start: 100, end: 160, method: 'position' });
    expect(anchorSelectors(text, [{ type: 'TextQuoteSelector', exact: 'computing power' }])).toBeNull();
    const long = text.slice(1000, 1100);
    expect(anchorSelectors(text, [{ type: 'TextQuoteSelector', exact: long }])).toMatchObject({ start: 1000, end: 1100, method: 'quote' });
  });
});
