import fs from 'node:fs';
import { articleFilePath } from '@/lib/content/article-files';
import type { ArticleGlossary, ArticleWords } from './article-words';

/** The article's hand-kept names and glossary; an article without learning.json has neither. */
export function readArticleGlossary(slug: string): ArticleGlossary {
  const file = articleFilePath(slug, 'learning.json');
  if (!fs.existsSync(file)) return { names: {}, glossary: {}, readings: {} };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ArticleGlossary>;
  return { names: parsed.names ?? {}, glossary: parsed.glossary ?? {}, readings: parsed.readings ?? {} };
}

const cache = new Map<string, ArticleWords | null>();

/** The article's words.json, read once per process; undefined when the article has none. */
export function readArticleWords(slug: string): ArticleWords | undefined {
  if (!cache.has(slug)) {
    const file = articleFilePath(slug, 'words.json');
    cache.set(slug, fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ArticleWords) : null);
  }
  return cache.get(slug) ?? undefined;
}

export function articleWordsAreCurrent(slug: string, formatted: string): boolean {
  const file = articleFilePath(slug, 'words.json');
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === formatted;
}
