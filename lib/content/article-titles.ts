import 'server-only';
import { readParsedArticle } from './article-files';
import type { ArticleLang } from './types';

const titles = new Map<string, string>();

/** An article's title in one language, read once per process (exports name the articles they quote). */
export function articleTitle(slug: string, lang: ArticleLang): string {
  const key = `${slug}:${lang}`;
  let title = titles.get(key);
  if (title === undefined) {
    title = readParsedArticle(slug, lang).meta.title;
    titles.set(key, title);
  }
  return title;
}
