import search, { type Match } from 'approx-string-match';
import { BLOCK_SEPARATOR } from './canonical-text';
import { CONTEXT_LENGTH } from './text-context';

/** Stands for "beyond the text's edge" when comparing context; never occurs in article text. */
const EDGE = '\u0000';

/** Context compared at most (code units); stored context is 32 characters, up to 64 code units. */
const MAX_CONTEXT = 2 * CONTEXT_LENGTH;

/** Extra text looked at beyond the stored context's length, so a word inserted next to the quote costs only itself. */
const SLACK = CONTEXT_LENGTH / 2;

/**
 * Agreement granted when a quote started (or ended) a block and its match does too: a paragraph
 * that was moved keeps its edges but not its neighbours. As good as a nearly verbatim context.
 */
export const BLOCK_EDGE_AGREEMENT = 0.9;

/** Best approximate matches of `pattern` in `text` (Myers' algorithm); [] rather than a throw on odd input. */
export function approxSearch(text: string, pattern: string, maxErrors: number): Match[] {
  if (!text || !pattern || !(maxErrors >= 0)) return [];
  try {
    return search(text, pattern, Math.floor(maxErrors));
  } catch {
    return [];
  }
}

// One reusable row: context windows are tiny, and this runs for every occurrence of a short quote.
let row = new Uint16Array(MAX_CONTEXT + 1);

/**
 * Fewest edits turning `expected` into a start of `actual` (the text right after a quote), or with
 * `fromEnd` into an end of it (the text right before), read backwards. Gives up, returning
 * `limit + 1`, once every alignment costs more than `limit`: unrelated text fails within a few
 * characters, which matters for short quotes with thousands of occurrences.
 */
function alignedDistance(actual: string, expected: string, fromEnd: boolean, limit: number): number {
  const m = expected.length;
  const n = actual.length;
  const at = (text: string, length: number, i: number) => text.charCodeAt(fromEnd ? length - 1 - i : i);
  if (row.length < m + 1) row = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) row[i] = i;
  let best = row[m];
  for (let j = 0; j < n; j++) {
    const char = at(actual, n, j);
    let diagonal = row[0];
    let rowMin = (row[0] = j + 1);
    for (let i = 1; i <= m; i++) {
      const above = row[i];
      row[i] = Math.min(at(expected, m, i - 1) === char ? diagonal : diagonal + 1, above + 1, row[i - 1] + 1);
      diagonal = above;
      if (row[i] < rowMin) rowMin = row[i];
    }
    if (row[m] < best) best = row[m];
    if (rowMin > limit) break;
  }
  return Math.min(best, limit + 1);
}

/** Edits beyond which a score falls below `atLeast`. */
const limit = (width: number, atLeast: number) => Math.floor((1 - atLeast) * width + 1e-9);

/**
 * How well the text before `start` agrees with a stored prefix, from 0 to 1: one minus the edits
 * turning the prefix into the text that ends at `start`, over the prefix's length. Both sides are
 * padded with an edge marker to at least CONTEXT_LENGTH, so a prefix cut short by the start of the
 * text only agrees with a match near the start of the text. Scores below `atLeast` are not exact
 * (the caller only needs to know they are too low).
 */
export function prefixAgreement(text: string, start: number, prefix: string, atLeast = 0): number {
  const expected = prefix.slice(-MAX_CONTEXT);
  const width = Math.max(CONTEXT_LENGTH, expected.length);
  const actual = text.slice(Math.max(0, start - width - SLACK), start);
  const distance = alignedDistance(actual.padStart(width + SLACK, EDGE), expected.padStart(width, EDGE), true, limit(width, atLeast));
  const score = 1 - distance / width;
  const startedBlock = prefix === '' || prefix.endsWith(BLOCK_SEPARATOR);
  const startsBlock = start === 0 || actual.endsWith(BLOCK_SEPARATOR);
  return startedBlock && startsBlock ? Math.max(score, BLOCK_EDGE_AGREEMENT) : score;
}

/** As `prefixAgreement`, for the text that starts at `end` and a stored suffix. */
export function suffixAgreement(text: string, end: number, suffix: string, atLeast = 0): number {
  const expected = suffix.slice(0, MAX_CONTEXT);
  const width = Math.max(CONTEXT_LENGTH, expected.length);
  const actual = text.slice(end, end + width + SLACK);
  const distance = alignedDistance(actual.padEnd(width + SLACK, EDGE), expected.padEnd(width, EDGE), false, limit(width, atLeast));
  const score = 1 - distance / width;
  const endedBlock = suffix === '' || suffix.startsWith(BLOCK_SEPARATOR);
  const endsBlock = end === text.length || actual.startsWith(BLOCK_SEPARATOR);
  return endedBlock && endsBlock ? Math.max(score, BLOCK_EDGE_AGREEMENT) : score;
}
