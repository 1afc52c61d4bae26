import 'server-only';
import { readArticleFiles, listArticleSlugs, isArticleSlug } from './article-files';
import { compileArticleBody } from './compile-article';
import type { IdMap } from './id-map';
import { parseArticle } from './parse-article';
import type { ArticleLang, ArticleMeta, ArticleText } from './types';

export type CompiledArticle = ArticleText & { code: string };
export type Article = { slug: string } & Record<ArticleLang, CompiledArticle>;

// Pages are generated at build time; compile each article once per process, not once per page.
const compiled = new Map<string, Promise<Article>>();

async function compileLang(source: string, slug: string, lang: ArticleLang, ids: IdMap): Promise<CompiledArticle> {
  const { meta, blocks, problems } = parseArticle(source, slug, lang, ids.blocks);
  // Ids that do not follow the text would put every stored note on the wrong sentence: refuse.
  if (problems.length) throw new Error(`content/${slug}/${lang}.mdx: ${problems[0].message}`);
  return { meta, blocks, code: await compileArticleBody(source, lang, ids.blocks) };
}

async function load(slug: string): Promise<Article> {
  const files = readArticleFiles(slug);
  const ids = files.ids?.map;
  if (!ids) throw new Error(`content/${slug}: ${files.ids?.error}`);
  const [zh, en] = await Promise.all([compileLang(files.zh.source, slug, 'zh', ids), compileLang(files.en.source, slug, 'en', ids)]);
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
