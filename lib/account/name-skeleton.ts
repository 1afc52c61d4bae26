import { remove as latinLookalikes } from 'confusables';

/** Names a reader could mistake for the site's own voice, as words (Latin) or anywhere in the name (Chinese). */
const reservedWords = ['moderator', 'moderators', 'mod', 'admin', 'administrator', 'system', 'staff', 'editor', 'official'];
const reservedChinese = ['管理员', '管理員', '版主', '审核员', '審核員', '编辑部', '編輯部', '官方', '系统', '系統'];

/** Digits and signs that stand in for letters in look-alike names ("M0derat0r", "@dmin"). */
const leet: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** The name with look-alike letters read as the Latin ones (Cyrillic о, fullwidth Ｍ…), decomposed, lower case. */
const lookalikesAsLatin = (name: string) => latinLookalikes(name.normalize('NFKC')).normalize('NFKD').toLowerCase();

/**
 * What a name looks like with look-alike letters, case, width, spacing, punctuation and accents set
 * aside: two names with the same skeleton read as the same name ("Zhou Min", "zhou_min",
 * "ＺＨＯＵ ＭＩＮ", "Zhоu Min" with a Cyrillic о). A reduced form of Unicode TR39's skeleton, through
 * the `confusables` list.
 */
export function nameSkeleton(name: string): string {
  return lookalikesAsLatin(name).replace(/[\p{M}\p{Z}\p{P}\p{S}\p{C}]/gu, '');
}

/** Whether a name uses a reserved word ("Moderator Team", "M0derator", "Мoderator") or a reserved Chinese title. */
export function isReservedName(name: string): boolean {
  const latin = lookalikesAsLatin(name).replace(/\p{M}/gu, '');
  const words = latin
    .replace(/[013457@$]/g, (c) => leet[c])
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  if (words.some((word) => reservedWords.includes(word))) return true;
  const compact = latin.replace(/[\p{Z}\p{P}\p{S}]/gu, '');
  return reservedChinese.some((title) => compact.includes(title)) || reservedWords.includes(compact.replace(/[013457@$]/g, (c) => leet[c]));
}
