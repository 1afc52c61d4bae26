import matter from 'gray-matter';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { IdMapBlock } from './id-map';
import { remarkAlignedBlocks } from './remark-aligned-blocks';
import type { ArticleLang, ArticleMeta, ArticleText } from './types';

const requiredMeta = ['title', 'summary', 'date', 'publication', 'byline', 'author', 'sourceUrl'] as const;

export type ParsedArticle = ArticleText & {
  /** Problems found while parsing (unsupported blocks, missing metadata), with their line. */
  problems: { line: number; message: string }[];
};

/**
 * Reads one language of an article from its MDX source without compiling it: metadata, and the
 * blocks and sentences with their shared ids (from `ids`, the article's id map, or by position
 * without one). Used by the reader (table of contents, anchoring) and by the content checker.
 */
export function parseArticle(source: string, slug: string, lang: ArticleLang, ids?: readonly IdMapBlock[]): ParsedArticle {
  const { data } = matter(source);
  const file = new VFile({ value: source });
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx).use(remarkAlignedBlocks, { lang, ids });
  processor.runSync(processor.parse(file), file);

  const problems = file.messages.map((message) => ({ line: message.line ?? 0, message: message.reason }));
  for (const key of requiredMeta) {
    if (typeof data[key] !== 'string' || data[key].trim() === '') problems.push({ line: 1, message: `frontmatter "${key}" is missing` });
  }
  const meta = { ...data, date: String(data.date ?? ''), slug, lang } as ArticleMeta;
  return { meta, blocks: file.data.alignedBlocks ?? [], problems };
}
