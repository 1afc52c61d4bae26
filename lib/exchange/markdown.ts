import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import type { ArticleLang } from '@/lib/content/types';
import type { EditorialOf } from './editorial-of';
import { alignedQuote } from './aligned-quote';
import { exportLabels, type ExportLabels } from './export-labels';
import { once, writeAll, type PageWriter } from './page-writer';
import { httpHref } from './safe-link';

const otherLang = { zh: 'en', en: 'zh' } as const;

export type MarkdownOptions = {
  title: string;
  /** The interface language of the labels (kinds, verdicts, headings); English by default. */
  lang?: ArticleLang;
  /** Where the reader runs: each note then links to its place in the article. */
  origin?: string;
  /** Lines under the title: where the article is, when the file was made. */
  about?: string[];
  /** When the notes come from several articles, each names its own (by title). */
  articleTitle?: (slug: string) => string;
  /** The editors' verdict on a claim's sentence, written under the claim (issue 16). */
  editorialOf?: EditorialOf;
};

/** Every line prefixed, so nothing in the text can end the quote or start a heading. */
const blockquote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** Names and tags are plain text: Markdown's punctuation in them is shown, not interpreted. */
const plain = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');

const day = (iso: string) => iso.slice(0, 10);

function replySection(reply: ApiReply, labels: ExportLabels): string {
  const meta = [`**${plain(reply.author.name)}**`, day(reply.createdAt), reply.verdict && labels.verdicts[reply.verdict]]
    .filter(Boolean)
    .join(' · ');
  return [meta, reply.body].filter(Boolean).join('\n\n');
}

function noteSection(note: ApiAnnotation, number: number, labels: ExportLabels, options: MarkdownOptions): string {
  const verdict = note.verdict ? `${labels.colon}${labels.verdicts[note.verdict]}` : '';
  const heading = `## ${number}. ${labels.kinds[note.kind]}${verdict}${note.resolved ? labels.aside(labels.resolved) : ''}`;
  const parts = [heading, [plain(note.author.name), day(note.createdAt), labels.visibility[note.visibility]].join(' · ')];
  const link = options.origin && `${options.origin}/${options.lang ?? 'en'}/articles/${note.article}`;
  if (options.articleTitle) {
    const title = plain(options.articleTitle(note.article));
    parts.push(`${labels.article}${labels.colon}${link ? `[${title}](<${link}>)` : title}`);
  }
  parts.push(`**${labels.langs[note.lang]}**`, blockquote(note.target.selector[0].exact));
  const aligned = alignedQuote(note);
  if (aligned) parts.push(`**${labels.langs[otherLang[note.lang]]}**`, blockquote(aligned));
  if (note.deleted) parts.push(`*${labels.deleted}*`);
  else {
    // A translation: the suggested wording under its own heading, with where it stands.
    if (note.suggestion)
      parts.push(
        `**${labels.suggested(note.suggestion.lang)}**${labels.aside(labels.suggestionStates[note.suggestion.state])}`,
        blockquote(note.suggestion.text),
      );
    if (note.body) parts.push(note.body);
    const editorial = options.editorialOf?.(note);
    if (editorial) {
      const reasoning = editorial.reasoning[options.lang ?? 'en'] || editorial.reasoning[options.lang === 'zh' ? 'en' : 'zh'];
      parts.push([`**${labels.editorial(editorial.rating)}**`, reasoning].filter(Boolean).join(labels.colon));
    }
    if (note.tags.length > 0) parts.push(`${labels.tags}${labels.colon}${note.tags.map(plain).join(', ')}`);
    // Written raw, a stored `>` or blank would end the autolink and let the rest be read as Markdown.
    const source = note.sourceUrl && httpHref(note.sourceUrl);
    if (source) parts.push(`${labels.source}${labels.colon}<${source}>`);
  }
  if (link) parts.push(`[${labels.viewInArticle}](<${link}#annotation-${note.id}>)`);
  if (note.replies.length > 0) parts.push(`### ${labels.replies}`, ...note.replies.map((reply) => replySection(reply, labels)));
  return parts.join('\n\n');
}

/**
 * Writes the Markdown document a page at a time: the title and what the file is, then per note its
 * quote in both languages, the note, a link to it in the article, then its thread, numbered across
 * pages; labelled in the reader's interface language.
 */
export function markdownWriter(options: MarkdownOptions): PageWriter {
  const labels = exportLabels(options.lang ?? 'en');
  const head = once([`# ${plain(options.title)}`, ...(options.about ?? [])].join('\n\n'));
  let written = 0;
  return {
    page: (notes) => head() + notes.map((note) => `\n\n${noteSection(note, ++written, labels, options)}`).join(''),
    end: () => `${head()}\n`,
  };
}

/** The notes as one Markdown document (see `markdownWriter`). */
export function toMarkdown(annotations: ApiAnnotation[], options: MarkdownOptions): string {
  return writeAll(markdownWriter(options), annotations);
}
