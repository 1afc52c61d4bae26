/**
 * Display names: what a reader is called on every note, reply and export. Checked on the way in
 * (better-auth's database hooks, lib/auth/auth-hooks.ts) and by the sign-up form, so both say the
 * same thing. Plain code, no server imports: the browser uses it too. Names that read as reserved
 * words or as a moderator's are refused by the server alone (name-skeleton.ts).
 */
export const maxDisplayNameLength = 64;

export type DisplayNameProblem = 'empty' | 'tooLong' | 'invisible' | 'markup' | 'reserved';

/**
 * Control characters, format characters other than the joiners scripts and emoji need (ZWNJ, ZWJ)
 * — bidirectional overrides, zero-width spaces, the BOM, soft hyphens — private-use and unassigned
 * code points, lone surrogates, and line or paragraph separators.
 */
const invisible = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;
/** Combining marks one character may carry: more is "Zalgo" text that spills over the lines around it. */
const maxMarksPerCharacter = 4;
/** UTF-16 units one visible character may take (a family emoji takes 11; 1,000 Hangul jamo made one "character"). */
const maxUnitsPerCharacter = 16;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The number of characters a reader sees (grapheme clusters: 👩‍💻 and é count one each), counted
 * up to `upTo` and no further: a long text is not split into millions of segment objects.
 */
export function visibleLength(text: string, upTo = Infinity): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) if (++count >= upTo) break;
  return count;
}

/** No name of at most 64 visible characters needs more code points than this. */
const maxCodePoints = maxDisplayNameLength * 4;

/** Whether any visible character carries too many marks or code units (checked per grapheme cluster, so joiners do not split a stack). */
function overloadedCharacter(text: string): boolean {
  for (const { segment } of graphemes.segment(text)) {
    if (segment.length > maxUnitsPerCharacter) return true;
    if ((segment.match(/\p{M}/gu)?.length ?? 0) > maxMarksPerCharacter) return true;
  }
  return false;
}

/** The name as stored (trimmed, NFC, inner runs of spaces made one), or what is wrong with it. */
export function checkDisplayName(raw: unknown): { name: string } | { problem: DisplayNameProblem } {
  if (typeof raw !== 'string') return { problem: 'empty' };
  if (raw.length > maxCodePoints * 2 || [...raw].length > maxCodePoints) return { problem: 'tooLong' };
  // Checked before trimming, which would hide a trailing control character.
  if (invisible.test(raw) || overloadedCharacter(raw)) return { problem: 'invisible' };
  const name = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!/[\p{L}\p{N}\p{S}]/u.test(name)) return { problem: 'empty' };
  if (visibleLength(name, maxDisplayNameLength + 1) > maxDisplayNameLength) return { problem: 'tooLong' };
  if (/[<>]/.test(name)) return { problem: 'markup' };
  return { name };
}

/** English sentences for the API's answers (the forms show their own, translated, by problem). */
export const displayNameMessages: Record<DisplayNameProblem | 'moderator', string> = {
  empty: 'Enter a display name with at least one letter or digit.',
  tooLong: `A display name has at most ${maxDisplayNameLength} characters.`,
  invisible: 'A display name may not contain control or invisible characters.',
  markup: 'A display name may not contain < or >.',
  reserved: 'This display name is reserved; choose another.',
  moderator: 'This display name is too close to a moderator’s; choose another.',
};
