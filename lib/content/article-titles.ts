import 'server-only';
import { readArticleFiles } from './article-files';
import { parseArticle } from './parse-article';
import type { ArticleLang } from './types';

const titles = new Map<string, string>();

/** An article's title in one language, read once per process (exports name the articles they quote). */
export function articleTitle(slug: string, lang: ArticleLang): string {
  const key = `${slug}:${lang}`;
  let title = titles.get(key);
  if (title === undefined) {
    title = parseArticle(readArticleFiles(slug)[lang].source, slug, lang).meta.title;
    titles.set(key, title);
  }
  return title;
}
