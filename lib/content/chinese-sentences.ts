/** What ends a Chinese sentence (full-width, and the ASCII ones Chinese text sometimes uses). */
const terminals = new Set(['。', '！', '？', '!', '?']);
const opening = new Set(['“', '‘', '（', '(', '《', '「', '『', '【', '〔']);
const closing = new Set(['”', '’', '）', ')', '》', '」', '』', '】', '〕']);
/** A quotation that ends with a full stop ends the sentence too; a bracket that does may be an aside. */
const closingQuotes = new Set(['”', '’', '」', '』']);

/**
 * Splits a paragraph of Chinese into sentences: after 。！？ (and a run of them, ！？), except inside
 * quotation marks or brackets — a quoted or bracketed sentence is part of the sentence around it —
 * and after a closing quotation mark that follows one (`他说：“好。”` ends there; a bracketed aside
 * that ends with one does not end the sentence around it). What is left at the end
 * without a full stop is a sentence too. Whitespace between sentences is dropped.
 */
export function splitChineseSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let current = '';
  let depth = 0;
  const end = () => {
    if (current.trim()) sentences.push(current.trim());
    current = '';
  };
  const chars = Array.from(paragraph);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    current += char;
    if (opening.has(char)) depth++;
    else if (closing.has(char)) depth = Math.max(0, depth - 1);
    const ended = depth === 0 && (terminals.has(char) || (closingQuotes.has(char) && terminals.has(chars[i - 1] ?? '')));
    if (!ended) continue;
    // A run of stops (！？) stays with the sentence.
    while (i + 1 < chars.length && terminals.has(chars[i + 1])) current += chars[++i];
    end();
  }
  end();
  return sentences;
}
