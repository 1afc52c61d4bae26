import 'server-only';
import { readArticleFiles, listArticleSlugs, isArticleSlug } from './article-files';
import { compileArticleBody } from './compile-article';
import { parseArticle } from './parse-article';
import type { ArticleLang, ArticleMeta, ArticleText } from './types';

export type CompiledArticle = ArticleText & { code: string };
export type Article = { slug: string } & Record<ArticleLang, CompiledArticle>;

// Pages are generated at build time; compile each article once per process, not once per page.
const compiled = new Map<string, Promise<Article>>();

async function compileLang(source: string, slug: string, lang: ArticleLang): Promise<CompiledArticle> {
  const { meta, blocks } = parseArticle(source, slug, lang);
  return { meta, blocks, code: await compileArticleBody(source, lang) };
}

async function load(slug: string): Promise<Article> {
  const files = readArticleFiles(slug);
  const [zh, en] = await Promise.all([compileLang(files.zh.source, slug, 'zh'), compileLang(files.en.source, slug, 'en')]);
  return { slug, zh, en };
}

/** The article in both languages, compiled; undefined when no such article exists. */
export async function getArticle(slug: string): Promise<Article | undefined> {
  if (!isArticleSlug(slug)) return undefined;
  if (!compiled.has(slug)) compiled.set(slug, load(slug));
  return compiled.get(slug);
}

/** Metadata of every article in both languages, newest first, for the index page. */
export function listArticles(): Record<ArticleLang, ArticleMeta>[] {
  return listArticleSlugs()
    .map((slug) => {
      const files = readArticleFiles(slug);
      return { zh: parseArticle(files.zh.source, slug, 'zh').meta, en: parseArticle(files.en.source, slug, 'en').meta };
    })
    .sort((a, b) => b.zh.date.localeCompare(a.zh.date));
}
