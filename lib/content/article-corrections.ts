import { isArticleSlug, readParsedArticle } from './article-files';
import type { Block } from './types';

/**
 * The translator's corrections of the source's slips, by sentence id (`<TranslatorNote correction>`
 * in en.mdx). The Chinese is verbatim, slips included: a quote of it goes out with the correction
 * (docs/translation-notes.md, "How the corrections travel").
 */
export function correctionsOf(englishBlocks: readonly Block[]): Record<string, string> {
  return Object.fromEntries(englishBlocks.flatMap((block) => block.sentences.flatMap((s) => (s.correction ? [[s.id, s.correction]] : []))));
}

const corrections = new Map<string, Record<string, string>>();

/** An article's corrections, read once per process; none for an article that is not (or no longer) there. */
export function articleCorrections(slug: string): Record<string, string> {
  let found = corrections.get(slug);
  if (!found) {
    found = isArticleSlug(slug) ? correctionsOf(readParsedArticle(slug, 'en').blocks) : {};
    corrections.set(slug, found);
  }
  return found;
}
