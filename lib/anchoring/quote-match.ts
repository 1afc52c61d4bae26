import { snapBack, snapForward } from './text-context';
import { approxSearch, prefixAgreement, suffixAgreement } from './text-similarity';

/** What a quote selector says besides its exact text. Missing context counts as unknown, not as agreement. */
export type QuoteContext = { prefix?: string; suffix?: string; hint?: number };

/** A place where the quote may be, with how well it and its surroundings match (0 to 1 each). */
export type Candidate = { start: number; end: number; quote: number; prefix: number | null; suffix: number | null; score: number };

// Ranking, as in Hypothesis's match-quote: the quote itself weighs most, then each side of context;
// the distance to where the quote used to be only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const UNKNOWN_CONTEXT = 0.5;

// Trust: a match is only returned when quote and context together make a wrong place unlikely;
// an orphan is better than a note shown on the wrong passage. Measured on this article, unrelated
// 32-character contexts agree at 0.28 (English) or 0.09 (Chinese) in the median, 0.72 at the 99.9th
// percentile; a word added or changed in a context leaves about 0.85; an untouched context gives 1.
/** A side of context agrees: it is this similar to the stored prefix or suffix. */
export const AGREES = 0.7;
/** A side of context confirms the place: nearly verbatim (about four edits in 32 characters). */
export const CONFIRMS = 0.85;
/** Below this specificity, a quote ("AI", "算力") recurs all over the text. */
export const SHORT_QUOTE = 16;
/** From this specificity, a quote may be trusted on one side of context, or none if it has none. */
export const LONG_QUOTE = 64;
/** A fuzzy match this similar to the quote is the same passage lightly edited (a word in ten). */
export const LIGHTLY_EDITED = 0.9;

/**
 * How much a quote says about its place: its length in characters, a Chinese character counting
 * three (one carries about as much as a short English word), so "这个周期通常只有三年左右。" is as
 * specific as "Such a cycle usually lasts only about three years."
 */
export function specificity(exact: string): number {
  let total = 0;
  for (const char of exact) total += HAN.test(char) ? 3 : 1;
  return total;
}

const HAN = /\p{Script=Han}/u;

/**
 * Whether context agreement (each 0..1, null when the selector has none) is enough for a match of
 * a quote of this specificity, with this similarity to the quote (1 when exact). The shorter or
 * fuzzier the match, the more context it needs:
 * - exact, short: both sides confirm;
 * - exact: one side confirms, or both agree (a moved paragraph keeps its inner context, or its edges);
 * - fuzzy: one side confirms and the other agrees; a long quote lightly edited needs one side to confirm;
 * - no context at all: only a long exact quote.
 */
export function isTrustworthy(specific: number, quote: number, prefix: number | null, suffix: number | null): boolean {
  if (prefix === null && suffix === null) return quote === 1 && specific >= LONG_QUOTE;
  const [low, high] = [prefix ?? 0, suffix ?? 0].sort((x, y) => x - y);
  if (quote === 1) return specific < SHORT_QUOTE ? low >= CONFIRMS : high >= CONFIRMS || low >= AGREES;
  if (high >= CONFIRMS && low >= AGREES) return true;
  return specific >= LONG_QUOTE && quote >= LIGHTLY_EDITED && high >= CONFIRMS;
}

/**
 * Errors the fuzzy search allows: a quarter of the quote (rewording a word or two of a sentence
 * stays within it; a different sentence does not), at least 1, at most 256 (the search costs
 * O(maxErrors / 32 × text length)).
 */
export function fuzzyMaxErrors(quoteLength: number): number {
  return Math.min(256, Math.max(1, Math.floor(quoteLength / 4)));
}

function positionScore(text: string, start: number, hint: number | undefined): number {
  if (typeof hint !== 'number' || !Number.isFinite(hint) || text.length === 0) return UNKNOWN_CONTEXT;
  return 1 - Math.min(1, Math.abs(start - hint) / text.length);
}

/**
 * Scores the candidate `[start, end)`, or returns null as soon as it cannot be trusted (see the
 * rules above): a short quote like "e" has thousands of occurrences, most failing on the prefix.
 */
function trustedCandidate(
  text: string,
  start: number,
  end: number,
  quote: number,
  specific: number,
  context: QuoteContext,
): Candidate | null {
  // An exact short quote needs both sides to confirm: unrelated occurrences are dropped early.
  const atLeast = quote === 1 && specific < SHORT_QUOTE ? CONFIRMS : 0;
  const prefix = typeof context.prefix === 'string' ? prefixAgreement(text, start, context.prefix, atLeast) : null;
  if ((prefix ?? 0) < atLeast) return null;
  const suffix = typeof context.suffix === 'string' ? suffixAgreement(text, end, context.suffix) : null;
  if (!isTrustworthy(specific, quote, prefix, suffix)) return null;
  const raw =
    QUOTE_WEIGHT * quote +
    PREFIX_WEIGHT * (prefix ?? UNKNOWN_CONTEXT) +
    SUFFIX_WEIGHT * (suffix ?? UNKNOWN_CONTEXT) +
    POSITION_WEIGHT * positionScore(text, start, context.hint);
  return { start, end, quote, prefix, suffix, score: raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT) };
}

/** The best candidate: highest score, then nearest the hint. */
function best(candidates: Candidate[], hint: number | undefined): Candidate | null {
  const distance = (c: Candidate) => (typeof hint === 'number' && Number.isFinite(hint) ? Math.abs(c.start - hint) : 0);
  candidates.sort((a, b) => b.score - a.score || distance(a) - distance(b));
  return candidates[0] ?? null;
}

/**
 * Whether the quote found exactly at its old position may be taken there. A quote of some length
 * (or without context to check) may: it does not recur at the same offset by chance. A short one
 * ("AI") can, after an edit, so its context must confirm it as for any other occurrence.
 */
export function trustedAt(text: string, start: number, exact: string, context: QuoteContext): boolean {
  const specific = specificity(exact);
  if (specific >= SHORT_QUOTE || (typeof context.prefix !== 'string' && typeof context.suffix !== 'string')) return true;
  return trustedCandidate(text, start, start + exact.length, 1, specific, context) !== null;
}

/**
 * Among every exact occurrence of `exact`, the trusted one whose context agrees best. Also says
 * whether there was any occurrence: approximate search would then find only those again.
 */
export function matchExactQuote(text: string, exact: string, context: QuoteContext): { match: Candidate | null; occurs: boolean } {
  const candidates: Candidate[] = [];
  const specific = specificity(exact);
  let occurs = false;
  for (let at = exact ? text.indexOf(exact) : -1; at !== -1; at = text.indexOf(exact, at + 1)) {
    occurs = true;
    const candidate = trustedCandidate(text, at, at + exact.length, 1, specific, context);
    if (candidate) candidates.push(candidate);
  }
  return { match: best(candidates, context.hint), occurs };
}

/**
 * The closest approximate match of `exact` (edit distance up to `fuzzyMaxErrors`) whose context
 * agrees best. Match edges that cut an astral character are widened to include it.
 */
export function matchFuzzyQuote(text: string, exact: string, context: QuoteContext): Candidate | null {
  if (!exact) return null;
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const specific = specificity(exact);
  for (const match of approxSearch(text, exact, fuzzyMaxErrors(exact.length))) {
    const start = snapBack(text, match.start);
    const end = snapForward(text, match.end);
    const key = `${start}:${end}`;
    if (start >= end || seen.has(key)) continue;
    seen.add(key);
    const candidate = trustedCandidate(text, start, end, 1 - match.errors / exact.length, specific, context);
    if (candidate) candidates.push(candidate);
  }
  return best(candidates, context.hint);
}
