import 'server-only';
import { canonicalText, type CanonicalText } from '@/lib/anchoring/canonical-text';
import { isArticleSlug, readArticleFiles } from '@/lib/content/article-files';
import { parseArticle } from '@/lib/content/parse-article';
import type { ArticleLang } from '@/lib/content/types';
import { notFound } from '@/lib/http/api-error';

const texts = new Map<string, CanonicalText>();

/** The canonical text selectors refer to, for one language of an article (parsed once per process). */
export function articleText(slug: string, lang: ArticleLang): CanonicalText {
  const key = `${slug}/${lang}`;
  let text = texts.get(key);
  if (!text) {
    const files = readArticleFiles(slug);
    text = canonicalText(parseArticle(files[lang].source, slug, lang).blocks, lang);
    texts.set(key, text);
  }
  return text;
}

/** Throws a 404 naming the article when no such article exists. */
export function requireArticle(slug: string) {
  if (!isArticleSlug(slug)) throw notFound(`No article "${slug}".`);
}
