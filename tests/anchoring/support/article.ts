import fs from 'node:fs';
import path from 'node:path';
import { canonicalText } from '@/lib/anchoring/canonical-text';
import type { CanonicalText } from '@/lib/anchoring/types';
import { readArticleFiles } from '@/lib/content/article-files';
import { parseArticle } from '@/lib/content/parse-article';
import type { ArticleLang } from '@/lib/content/types';

export const slug = 'deepseek-capex';

export function articleSource(lang: ArticleLang): string {
  return readArticleFiles(slug)[lang].source;
}

/**
 * The article as its first revision had it, before the copy-edit of the English (issue 15, part 1;
 * docs/translation-notes.md): tests/fixtures/revisions/1/en.mdx. The Chinese has not changed.
 */
export function firstRevisionSource(lang: ArticleLang): string {
  if (lang === 'zh') return articleSource('zh');
  return fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/revisions/1/en.mdx'), 'utf8');
}

/** The edited copy of the first revision: a paragraph moved, sentences reworded, deleted and inserted, a figure removed. */
export function editedSource(lang: ArticleLang): string {
  return fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/edited', `${lang}.mdx`), 'utf8');
}

export function canonicalOf(source: string, lang: ArticleLang): CanonicalText {
  return canonicalText(parseArticle(source, slug, lang).blocks, lang);
}

export const original = (lang: ArticleLang) => canonicalOf(articleSource(lang), lang);
export const firstRevision = (lang: ArticleLang) => canonicalOf(firstRevisionSource(lang), lang);
export const edited = (lang: ArticleLang) => canonicalOf(editedSource(lang), lang);

/** A seeded generator (mulberry32), so "random" ranges are the same on every run. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
