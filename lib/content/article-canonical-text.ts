import { canonicalText, type CanonicalText } from '@/lib/anchoring/canonical-text';
import { readArticleFiles, readParsedArticle } from './article-files';
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
    text = canonicalText(readParsedArticle(slug, lang).blocks, lang);
    texts.set(key, text);
  }
  return text;
}

const textRevisions = new Map<string, number>();

/** Which edit of the article's text this process serves (its id map's revision); notes record it. */
export function articleTextRevision(slug: string): number {
  let revision = textRevisions.get(slug);
  if (revision === undefined) {
    const ids = readArticleFiles(slug).ids;
    if (!ids?.map) throw new Error(`content/${slug}: ${ids?.error}`);
    revision = ids.map.revision;
    textRevisions.set(slug, revision);
  }
  return revision;
}
