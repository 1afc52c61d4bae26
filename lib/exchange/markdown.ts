import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import { alignedQuote } from './aligned-quote';
import { once, writeAll, type PageWriter } from './page-writer';
import { httpHref } from './safe-link';

const kindLabels = { highlight: 'Highlight', comment: 'Comment', question: 'Question', claim: 'Claim' } as const;
const langLabels = { zh: '中文', en: 'English' } as const;
const otherLang = { zh: 'en', en: 'zh' } as const;

/** Every line prefixed, so nothing in the text can end the quote or start a heading. */
const blockquote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** Names and tags are plain text: Markdown's punctuation in them is shown, not interpreted. */
const plain = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');

const day = (iso: string) => iso.slice(0, 10);

function replySection(reply: ApiReply): string {
  const meta = [`**${plain(reply.author.name)}**`, day(reply.createdAt), reply.verdict].filter(Boolean).join(' · ');
  return [meta, reply.body].filter(Boolean).join('\n\n');
}

function noteSection(note: ApiAnnotation, number: number): string {
  const heading = `## ${number}. ${kindLabels[note.kind]}${note.verdict ? `: ${note.verdict}` : ''}${note.resolved ? ' (resolved)' : ''}`;
  const parts = [heading, [plain(note.author.name), day(note.createdAt), note.visibility].join(' · ')];
  parts.push(`**${langLabels[note.lang]}**`, blockquote(note.target.selector[0].exact));
  const aligned = alignedQuote(note);
  if (aligned) parts.push(`**${langLabels[otherLang[note.lang]]}**`, blockquote(aligned));
  if (note.deleted) parts.push('*Deleted by its author.*');
  else {
    if (note.body) parts.push(note.body);
    if (note.tags.length > 0) parts.push(`Tags: ${note.tags.map(plain).join(', ')}`);
    // Written raw, a stored `>` or blank would end the autolink and let the rest be read as Markdown.
    const source = note.sourceUrl && httpHref(note.sourceUrl);
    if (source) parts.push(`Source: <${source}>`);
  }
  if (note.replies.length > 0) parts.push('### Replies', ...note.replies.map(replySection));
  return parts.join('\n\n');
}

/**
 * Writes the Markdown document a page at a time: the title, then per note its quote in both
 * languages, the note, then its thread, numbered across pages.
 */
export function markdownWriter(options: { title: string }): PageWriter {
  const head = once(`# ${plain(options.title)}`);
  let written = 0;
  return {
    page: (notes) => head() + notes.map((note) => `\n\n${noteSection(note, ++written)}`).join(''),
    end: () => `${head()}\n`,
  };
}

/** The notes as one Markdown document (see `markdownWriter`). */
export function toMarkdown(annotations: ApiAnnotation[], options: { title: string }): string {
  return writeAll(markdownWriter(options), annotations);
}
