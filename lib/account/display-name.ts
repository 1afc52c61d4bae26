/**
 * Display names: what a reader is called on every note, reply and export. Checked on the way in
 * (better-auth's database hooks, lib/auth/auth-hooks.ts) and by the sign-up form, so both say the
 * same thing. Plain code, no server imports: the browser uses it too.
 */
export const maxDisplayNameLength = 64;

export type DisplayNameProblem = 'empty' | 'tooLong' | 'invisible' | 'markup' | 'reserved';

/**
 * Control characters, format characters other than the joiners scripts and emoji need (ZWNJ, ZWJ)
 * — bidirectional overrides, zero-width spaces, the BOM, soft hyphens — private-use and unassigned
 * code points, lone surrogates, and line or paragraph separators.
 */
const invisible = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;
/** More than three combining marks in a row ("Zalgo" text that spills over the lines around it). */
const stackedMarks = /\p{M}{4,}/u;
/** Names a reader could mistake for the site's own voice. */
const reservedSkeletons = [
  'moderator',
  'admin',
  'administrator',
  'system',
  'staff',
  'editor',
  '管理员',
  '版主',
  '审核员',
  '编辑部',
  '管理員',
  '審核員',
];

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

/** No name of at most 64 visible characters is longer than this in UTF-16 (a family emoji is 11). */
const maxCodeUnits = maxDisplayNameLength * 16;

/**
 * What two names look like with case, width, spacing, punctuation and accents set aside: two names
 * with the same skeleton read as the same name ("Zhou Min", "zhou_min", "ＺＨＯＵ ＭＩＮ").
 */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\p{M}\p{Z}\p{P}\p{S}\p{C}]/gu, '');
}

/** The name as stored (trimmed, NFC, inner runs of spaces made one), or what is wrong with it. */
export function checkDisplayName(raw: unknown): { name: string } | { problem: DisplayNameProblem } {
  if (typeof raw !== 'string') return { problem: 'empty' };
  if (raw.length > maxCodeUnits) return { problem: 'tooLong' };
  // Checked before trimming, which would hide a trailing control character.
  if (invisible.test(raw) || stackedMarks.test(raw)) return { problem: 'invisible' };
  const name = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!/[\p{L}\p{N}\p{S}]/u.test(name)) return { problem: 'empty' };
  if (visibleLength(name, maxDisplayNameLength + 1) > maxDisplayNameLength) return { problem: 'tooLong' };
  if (/[<>]/.test(name)) return { problem: 'markup' };
  if (reservedSkeletons.includes(nameSkeleton(name))) return { problem: 'reserved' };
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
