// Values a hostile or broken client sends in place of a field: wrong types, empty and huge strings,
// unicode edge cases, numbers JSON can carry but no field expects.
import fc from 'fast-check';

/** Strings that break naive text handling: lone surrogates, direction marks, joiners, NUL, emoji, combining marks. */
export const unicodeEdgeCases = [
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\u200F',
  '\u202Eevil',
  '\u2066\u2069',
  'مرحبا بالعالم',
  '\u200D',
  '👩\u200D👩\u200D👧',
  '\u0000',
  'x\u0000y',
  '\uFEFF',
  '\u2028\u2029',
  '😀',
  '🏳️‍🌈',
  'e\u0301',
  'Z' + '\u0336\u0301\u0300'.repeat(300),
  '\r\n\t',
  '\u00A0',
  '\uFFFD',
  '\uFFFF',
  '英伟达',
  '<script>alert(1)</script>',
  '"},{"__proto__":1',
  '../../etc/passwd',
  '%00',
  '%ED%A0%80',
] as const;

/** One code unit, code point or grapheme at a time, including unpaired surrogates. */
const unicodeString = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: fc.constantFrom(...unicodeEdgeCases), maxLength: Math.min(maxLength, 20) }).map((s) => s),
    fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((units) => String.fromCharCode(...units)),
  );

/** Strings of up to ~100 KB (a fifth of the draws stay small so most of the run stays fast). */
export const hugeString = fc.oneof(
  fc.integer({ min: 10_001, max: 100_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 5_000, max: 34_000 }).map((n) => '字'.repeat(n)),
  fc.integer({ min: 1, max: 25_000 }).map((n) => '😀'.repeat(n)),
  fc.constant('a'.repeat(10_000)),
  fc.constant('a'.repeat(10_001)),
);

/** Any string worth trying in a text field. */
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...unicodeEdgeCases) },
  { weight: 3, arbitrary: unicodeString(60) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '   \n\t ', '\u3000') },
  { weight: 1, arbitrary: hugeString },
);

/** Numbers JSON can carry: negative, fractional, huge, past the safe integers. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of any JSON type (no `undefined`, which JSON cannot carry). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], { type: 'TextQuoteSelector' }, ['p01-s1'], { $gt: '' }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
