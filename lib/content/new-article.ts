import { assignIds } from './assign-ids';
import { splitChineseSentences } from './chinese-sentences';
import { escapeMdxLine } from './escape-mdx';
import { formatIdMap, textHash } from './id-map';
import { parseArticle } from './parse-article';
import { untranslated } from './types';

/** The files of a new article's folder, by name. */
export type NewArticleFiles = Record<'zh.mdx' | 'en.mdx' | 'ids.json', string>;

const frontmatter = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\n---\n`;

/**
 * A new article from a plain Chinese text (issue 15, part 5): the first line is the title, blank
 * lines separate paragraphs (lines within one are joined: plain text is often wrapped), and each
 * paragraph is split into sentences (`splitChineseSentences`), one per line. The English has one
 * `[to translate]` line per sentence, which content:check counts as left to do, as it does the
 * frontmatter fields left empty for the editor. The ids are the first map of the text.
 */
export function newArticleFiles(slug: string, text: string, date = new Date()): NewArticleFiles {
  const [title = '', ...rest] = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n');
  const paragraphs = rest
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => splitChineseSentences(paragraph.split('\n').map((line) => line.trim()).join('')))
    .filter((sentences) => sentences.length > 0);
  const empty = { summary: '', date: date.toISOString(), publication: '', byline: '', author: '', sourceUrl: '' };
  const zh = `${frontmatter({ title: title.trim(), ...empty })}\n${paragraphs.map((s) => s.map(escapeMdxLine).join('\n')).join('\n\n')}\n`;
  const en = `${frontmatter({ title: untranslated, ...empty, translator: '' })}\n${paragraphs.map((s) => s.map(() => untranslated).join('\n')).join('\n\n')}\n`;
  const blocks = (source: string, lang: 'zh' | 'en') => parseArticle(source, slug, lang).blocks;
  const ids = assignIds(undefined, blocks(zh, 'zh'), blocks(en, 'en'), { zh: textHash(zh), en: textHash(en) });
  return { 'zh.mdx': zh, 'en.mdx': en, 'ids.json': formatIdMap(ids) };
}
