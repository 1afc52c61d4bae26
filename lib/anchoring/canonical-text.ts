import type { ArticleLang, Block, Sentence } from '@/lib/content/types';
import type { CanonicalText, SentenceSpan } from './types';

export type { CanonicalText, SentenceSpan };

/** Between blocks: what a browser's selection of two paragraphs would give, and never inside a sentence. */
export const BLOCK_SEPARATOR = '\n\n';

/** Between sentences of one block: the rendered page puts a space between English sentences only. */
export function sentenceSeparator(lang: ArticleLang): string {
  return lang === 'en' ? ' ' : '';
}

/** The part of a block the canonical text needs; parsed blocks and blocks read from the DOM both fit. */
export type TextBlock = Pick<Block, 'id'> & { sentences: readonly Pick<Sentence, 'id' | 'text'>[] };

/**
 * Joins blocks' sentences into the canonical text. Shared by `canonicalText` (server, from the MDX)
 * and the DOM index (browser), so both sides build the very same string. Blocks without sentences
 * contribute nothing, not even a separator.
 */
export function joinBlocks(blocks: readonly TextBlock[], lang: ArticleLang): CanonicalText {
  const separator = sentenceSeparator(lang);
  const sentences: SentenceSpan[] = [];
  let text = '';
  for (const block of blocks) {
    if (block.sentences.length === 0) continue;
    if (text) text += BLOCK_SEPARATOR;
    block.sentences.forEach((sentence, i) => {
      if (i > 0) text += separator;
      sentences.push({ id: sentence.id, blockId: block.id, start: text.length, end: text.length + sentence.text.length });
      text += sentence.text;
    });
  }
  return { text, sentences };
}

/**
 * The canonical text of one language of an article, built from its parsed blocks only (so the
 * server can validate selectors without a DOM): headings and paragraphs in order, sentences
 * (already trimmed, translator's notes left out) joined with '' in Chinese and ' ' in English,
 * blocks joined with '\n\n'. Figures and charts have no text. Selector offsets and quotes refer
 * to exactly this string.
 */
export function canonicalText(blocks: readonly Block[], lang: ArticleLang): CanonicalText {
  return joinBlocks(
    blocks.filter((block) => block.kind === 'heading' || block.kind === 'paragraph'),
    lang,
  );
}
