import fs from 'node:fs';
import path from 'node:path';
import type { ArticleFiles, ContentFile } from './check-article';
import { parseIdMap } from './id-map';
import { parseArticle, type ParsedArticle } from './parse-article';
import type { ArticleLang } from './types';

/** Articles live in `content/<slug>/{zh,en}.mdx`; `source.zh.md`, when present, is the original. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Paths are spelled out from process.cwd() so the bundler traces the content folder, not the project.
export function listArticleSlugs(): string[] {
  return fs
    .readdirSync(path.join(process.cwd(), 'content'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && slugPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export function articleFilePath(slug: string, name: string): string {
  return path.join(process.cwd(), 'content', slug, name);
}

export function isArticleSlug(slug: string): boolean {
  return slugPattern.test(slug) && fs.existsSync(articleFilePath(slug, 'zh.mdx'));
}

function readFile(slug: string, name: string): ContentFile {
  const file = articleFilePath(slug, name);
  return { path: path.relative(process.cwd(), file), source: fs.readFileSync(file, 'utf8') };
}

function chartNames(slug: string): string[] {
  const file = articleFilePath(slug, 'charts.json');
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { charts?: Record<string, unknown> };
  return Object.keys(parsed.charts ?? {});
}

function idMap(slug: string): ArticleFiles['ids'] {
  const file = articleFilePath(slug, 'ids.json');
  const where = path.relative(process.cwd(), file);
  if (!fs.existsSync(file)) return { path: where, error: 'ids.json is missing: run npm run content:ids -- ' + slug };
  try {
    return { path: where, map: parseIdMap(fs.readFileSync(file, 'utf8')) };
  } catch (error) {
    return { path: where, error: `ids.json cannot be read: ${(error as Error).message}` };
  }
}

export function readArticleFiles(slug: string): ArticleFiles {
  const hasOriginal = fs.existsSync(articleFilePath(slug, 'source.zh.md'));
  return {
    slug,
    zh: readFile(slug, 'zh.mdx'),
    en: readFile(slug, 'en.mdx'),
    original: hasOriginal ? readFile(slug, 'source.zh.md') : undefined,
    chartNames: chartNames(slug),
    ids: idMap(slug),
  };
}

/** One language of an article as it is stored, parsed with the ids of its id map. */
export function readParsedArticle(slug: string, lang: ArticleLang): ParsedArticle {
  const files = readArticleFiles(slug);
  return parseArticle(files[lang].source, slug, lang, files.ids?.map?.blocks);
}
