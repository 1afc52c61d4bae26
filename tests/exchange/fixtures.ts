import { describeOffsets } from '@/lib/anchoring/describe';
import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import type { ArticleLang } from '@/lib/content/types';
import type { NoteInput } from '@/lib/exchange/import-jsonld';

export const slug = 'deepseek-capex';
export const origin = 'http://localhost:3000';
export const exportOptions = { id: `${origin}/api/articles/${slug}/annotations/export.jsonld`, label: 'Notes on deepseek-capex', origin };

const alice = { id: 'user-alice', name: 'Alice Chen' };
const bob = { id: 'user-bob', name: '王波' };
const carol = { id: 'user-carol', name: '@carol' };

/** Where `quote` first occurs in the article, described as the reader describes a selection. */
function passage(lang: ArticleLang, quote: string) {
  const canonical = articleCanonicalText(slug, lang);
  const start = canonical.text.indexOf(quote);
  const description = start >= 0 ? describeOffsets(canonical, start, start + quote.length) : null;
  if (!description) throw new Error(`${JSON.stringify(quote)} is not in the ${lang} article`);
  return { blockId: description.blockId, sentenceIds: description.sentenceIds, target: { selector: description.selectors } };
}

export function note(id: string, lang: ArticleLang, quote: string, fields: Partial<ApiAnnotation> = {}): ApiAnnotation {
  return {
    id,
    article: slug,
    lang,
    ...passage(lang, quote),
    kind: 'comment',
    verdict: null,
    sourceUrl: null,
    body: '',
    bodyHtml: '',
    tags: [],
    visibility: 'shared',
    version: 1,
    resolved: false,
    deleted: false,
    hidden: null,
    orphaned: false,
    author: alice,
    createdAt: '2025-03-01T08:30:00.000Z',
    updatedAt: '2025-03-01T08:30:00.000Z',
    editedAt: null,
    color: 'blue',
    suggestion: null,
    replies: [],
    ...fields,
  };
}

export function reply(id: string, annotationId: string, fields: Partial<ApiReply> = {}): ApiReply {
  return {
    id,
    annotationId,
    body: 'Agreed.',
    bodyHtml: '<p>Agreed.</p>',
    verdict: null,
    version: 1,
    author: bob,
    createdAt: '2025-03-02T10:00:00.000Z',
    updatedAt: '2025-03-02T10:00:00.000Z',
    ...fields,
  };
}

export const comment = note('c1', 'en', 'Nvidia has been the biggest beneficiary of investment in computing power.', {
  body: 'Is this still true after the **January** sell-off?\n\nSee the capex chart below.',
  tags: ['capex', 'nvidia'],
  replies: [reply('r1', 'c1', { body: 'Yes: its data-centre revenue kept growing.' })],
});

export const claim = note('k1', 'zh', '仅用2048张英伟达H800芯片和550万美元训练成本', {
  kind: 'claim',
  verdict: 'disputed',
  sourceUrl: 'https://arxiv.org/abs/2412.19437',
  body: 'The $5.5M covers the final run only, not research, "ablation" runs, or salaries,\nso the comparison is misleading.',
  tags: ['成本', 'deepseek'],
  author: bob,
  replies: [
    reply('r2', 'k1', { body: '=1/30 of GPT-o1’s cost is about inference, not training.', verdict: 'supported', author: carol }),
    reply('r3', 'k1', {
      body: '技术报告第5页写明了这一点。',
      author: alice,
      createdAt: '2025-03-03T09:15:00.000Z',
      updatedAt: '2025-03-03T09:20:00.000Z',
    }),
  ],
});

/** Spans two sentences, so its aligned quote is two Chinese sentences run together. */
export const highlight = note(
  'h1',
  'en',
  'still necessary to keep investing in computing power on a massive scale? After the Chinese AI start-up DeepSeek became an overnight sensation',
  { kind: 'highlight', visibility: 'private' },
);

export const question = note('q1', 'zh', '推理算力成本仅为GPT-o1的1/30', {
  kind: 'question',
  body: '1/30 of what: per token or per query?',
  resolved: true,
  visibility: 'private',
  updatedAt: '2025-03-04T12:00:00.000Z',
});

/** Deleted by its author while it had a reply: the placeholder keeps its passage and thread. */
export const deleted = note('d1', 'en', 'Moreover, its training costs were only a few per cent of the other giants’', {
  deleted: true,
  replies: [reply('r4', 'd1', { body: '- Which giants, though?' })],
});

export const notes = [comment, claim, highlight, question, deleted];

/** What creating `note` took: the request body `createAnnotationSchema` accepts. */
export function createInput(note: ApiAnnotation): NoteInput {
  const { lang, blockId, sentenceIds, target, kind, verdict, sourceUrl, body, tags, visibility } = note;
  return { lang, blockId, sentenceIds, target, kind, verdict, sourceUrl, body, tags, visibility };
}
