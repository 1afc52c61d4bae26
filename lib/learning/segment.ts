/**
 * Chinese text cut into the words a learner looks up. `Intl.Segmenter` knows where words end in
 * running text but errs on compounds (北京|大学, 新|能源); a dictionary knows words but, matched
 * greedily, runs across them (这|家公|司). So at each place the longest dictionary word that ends on
 * one of the segmenter's boundaries wins; then a single character that does; then the longest
 * dictionary word that does not. Names the dictionary lacks, which the segmenter cuts into
 * characters, are given by hand (`names`) and kept whole.
 */
export type TokenKind = 'word' | 'name' | 'unknown' | 'number' | 'latin' | 'other';

export type Token = { text: string; kind: TokenKind };

export type Dictionary = { has(word: string): boolean; longest: number };

const runs = /(\p{Script=Han}+)|(\d+(?:[.,]\d+)*%?)|([A-Za-z][A-Za-z0-9.\-+]*)|([^\p{Script=Han}\dA-Za-z]+)/gu;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function segmentChinese(text: string, dictionary: Dictionary, names: ReadonlySet<string> = new Set()): Token[] {
  const boundaries = new Set<number>([text.length]);
  for (const { index, segment } of segmenter.segment(text)) boundaries.add(index + segment.length);
  const tokens: Token[] = [];
  for (const match of text.matchAll(runs)) {
    const [whole, chinese, number, latin] = match;
    if (chinese) tokens.push(...segmentHan(text, match.index, match.index + whole.length, { dictionary, boundaries, names }));
    else tokens.push({ text: whole, kind: number ? 'number' : latin ? 'latin' : 'other' });
  }
  return tokens;
}

type Context = { dictionary: Dictionary; boundaries: Set<number>; names: ReadonlySet<string> };

function segmentHan(text: string, start: number, end: number, context: Context): Token[] {
  const tokens: Token[] = [];
  for (let at = start; at < end;) {
    const name = nameAt(text, at, end, context.names);
    const next = name ?? wordEnd(text, at, end, context);
    const word = text.slice(at, next);
    tokens.push({ text: word, kind: name ? 'name' : context.dictionary.has(word) ? 'word' : 'unknown' });
    at = next;
  }
  return tokens;
}

function nameAt(text: string, at: number, end: number, names: ReadonlySet<string>): number | undefined {
  for (let length = 4; length >= 2; length--) if (at + length <= end && names.has(text.slice(at, at + length))) return at + length;
}

function wordEnd(text: string, at: number, end: number, { dictionary, boundaries }: Context): number {
  let longestOffBoundary = 0;
  for (let stop = Math.min(end, at + dictionary.longest); stop > at + 1; stop--) {
    if (!dictionary.has(text.slice(at, stop))) continue;
    if (boundaries.has(stop)) return stop;
    longestOffBoundary ||= stop;
  }
  if (boundaries.has(at + 1)) return at + 1;
  return longestOffBoundary || at + 1;
}
