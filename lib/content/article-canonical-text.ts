import { canonicalText, type CanonicalText } from '@/lib/anchoring/canonical-text';
import { readArticleFiles } from './article-files';
import { parseArticle } from './parse-article';
import type { ArticleLang } from './types';

const texts = new Map<string, CanonicalText>();

/**
 * The canonical text selectors refer to, for one language of an article, parsed once per process.
 * Shared by the API (which validates selectors against it), the e2e fixtures and the benchmarks.
 */
export function articleCanonicalText(slug: string, lang: ArticleLang): CanonicalText {
  const key = `${slug}/${lang}`;
  let text = texts.get(key);
  if (!text) {
    text = canonicalText(parseArticle(readArticleFiles(slug)[lang].source, slug, lang).blocks, lang);
    texts.set(key, text);
  }
  return text;
}
