import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import { alignedQuote } from './aligned-quote';

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
    if (note.sourceUrl) parts.push(`Source: <${note.sourceUrl}>`);
  }
  if (note.replies.length > 0) parts.push('### Replies', ...note.replies.map(replySection));
  return parts.join('\n\n');
}

/** The notes as one Markdown document: per note its quote in both languages, the note, then its thread. */
export function toMarkdown(annotations: ApiAnnotation[], options: { title: string }): string {
  return `${[`# ${plain(options.title)}`, ...annotations.map((note, i) => noteSection(note, i + 1))].join('\n\n')}\n`;
}
