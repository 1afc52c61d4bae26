import 'server-only';
import { articleCanonicalText, articleTextRevision } from '@/lib/content/article-canonical-text';
import { isArticleSlug } from '@/lib/content/article-files';
import { notFound } from '@/lib/errors/refusal';

/** The canonical text selectors refer to, for one language of an article (parsed once per process). */
export const articleText = articleCanonicalText;

/** Which edit of the article's text notes are written on now (content/<slug>/ids.json). */
export const textRevision = articleTextRevision;

/** Throws a 404 naming the article when no such article exists. */
export function requireArticle(slug: string) {
  if (!isArticleSlug(slug)) throw notFound(`No article "${slug}".`);
}
