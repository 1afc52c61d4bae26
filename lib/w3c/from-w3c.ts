import { z } from 'zod';
import { sentencesAt } from '@/lib/anchoring/sentences-at';
import { contextAfter, contextBefore } from '@/lib/anchoring/text-context';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import type { ArticleLang } from '@/lib/content/types';
import { parseWith } from '@/lib/errors/parse-with';
import { invalidField } from '@/lib/errors/refusal';
import { visibilities, type AnnotationKind } from '@/lib/annotations/schema';
import {
  body,
  fieldsOfBodies,
  kindOfMotivation,
  listOf,
  noteMotivations,
  selectors,
  types,
  type NoteInput,
} from '@/lib/exchange/import-jsonld';

/** What a client's annotation becomes: a note to create, and the IRIs the protocol says to keep. */
export type ProtocolNote = { note: NoteInput; canonical: string | null; via: string | null; visibilityGiven: boolean };

const maxIriLength = 2_000;
/**
 * IRIs kept as given (`canonical`, a client's `id`): web addresses or URNs in printable ASCII, no
 * spaces, controls or direction marks. They are served to anyone who may see the note, and no page
 * shows them to a moderator, so nothing but an identifier is taken.
 */
const keptIri = /^(https?:\/\/|urn:)[\x21-\x7e]+$/i;
const iri = (field: string) =>
  z
    .string({ error: `must be an IRI (${field})` })
    .max(maxIriLength, `must be at most ${maxIriLength} characters`)
    .refine((value) => keptIri.test(value) && URL.canParse(value), 'must be an http(s) or urn: IRI in printable ASCII');

const oneTarget = z.preprocess(
  (value) => (Array.isArray(value) && value.length === 1 ? value[0] : value),
  z.object(
    { source: z.string({ error: 'must be the article’s URL' }).max(maxIriLength), selector: selectors },
    { error: 'must be one passage of this article: an object with a source and a TextQuoteSelector and TextPositionSelector' },
  ),
);

const annotation = z.object({
  type: types.refine((list) => list.includes('Annotation'), 'must be "Annotation"'),
  motivation: types.optional(),
  body: z.preprocess((value) => (typeof value === 'string' ? [{ type: 'Link', source: value }] : listOf(value)), z.array(body).max(50)),
  target: oneTarget,
  id: iri('id').optional(),
  canonical: iri('canonical').optional(),
  'reader:visibility': z.enum(visibilities).optional(),
});

/** Refuses a field (a 400 naming it), where a value is expected. */
const refuse = (field: string, message: string): never => {
  throw invalidField(field, message);
};

/** The motivation as one of our note kinds: the first we know; without one, a comment if it has words, else a highlight. */
function kindOf(motivations: string[] | undefined, hasText: boolean): AnnotationKind {
  if (motivations?.includes('replying')) refuse('motivation', 'replies are made with POST /api/annotations/{id}/replies');
  if (motivations?.includes('editing')) refuse('motivation', 'translation suggestions are made in the reader');
  if (!motivations?.length) return hasText ? 'comment' : 'highlight';
  const kind = motivations.map((motivation) => kindOfMotivation.get(motivation)).find((k) => k !== undefined);
  return kind ?? refuse('motivation', `must be one of ${noteMotivations}`);
}

const articlePath = /^\/(zh|en)\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

/** The language of a target source that is this article's page on this site, or a 400 naming it. */
function languageOf(source: string, slug: string, origin: string): ArticleLang {
  const url = URL.canParse(source) ? new URL(source) : null;
  const match = url && url.origin === origin ? articlePath.exec(url.pathname) : null;
  if (!match || match[2] !== slug) return refuse('target.source', `must be ${origin}/zh/articles/${slug} or ${origin}/en/articles/${slug}`);
  return match[1] as ArticleLang;
}

/**
 * The passage a target names, as our API's create request has it: the quote's context made the
 * canonical 32 characters (a client may send less, or none), the block and sentences worked out from
 * the position. The quote itself is then checked against the text by createAnnotation, as for any note.
 */
function passageOf(slug: string, lang: ArticleLang, selector: NoteInput['target']['selector']) {
  const [quote, position] = selector;
  const canonical = articleCanonicalText(slug, lang);
  const { text } = canonical;
  const { start, end } = position;
  if (end > text.length || start >= end) return refuse('target.selector.end', `must be after start and at most ${text.length}`);
  const prefix = contextBefore(text, start);
  const suffix = contextAfter(text, end);
  if (!prefix.endsWith(quote.prefix)) refuse('target.selector.prefix', 'is not the text just before the quote');
  if (!suffix.startsWith(quote.suffix)) refuse('target.selector.suffix', 'is not the text just after the quote');
  const sentences = sentencesAt(canonical, start, end);
  if (sentences.length === 0) refuse('target.selector', 'covers no sentence of the article');
  return {
    blockId: sentences[0].blockId,
    sentenceIds: sentences.map((sentence) => sentence.id),
    target: { selector: [{ ...quote, prefix, suffix }, position] as NoteInput['target']['selector'] },
  };
}

/**
 * A Web Annotation a client sends to an article's container, as a note to create: motivation ↔
 * kind, bodies ↔ Markdown, tags, verdict and source (as our exports write them), target ↔ the
 * passage. What a note cannot hold (another page, another selector, a reply) is a 400 naming it.
 * Without `reader:visibility` a note is private, as notes made in the reader are.
 */
export function noteFromAnnotation(json: unknown, slug: string, origin: string): ProtocolNote {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse('(body)', 'must be one Annotation object');
  const value = parseWith(annotation, json);
  const fields = fieldsOfBodies(value.body);
  const kind = kindOf(value.motivation, fields.body.trim() !== '');
  const lang = languageOf(value.target.source, slug, origin);
  return {
    note: {
      lang,
      ...passageOf(slug, lang, value.target.selector),
      kind,
      ...fields,
      verdict: kind === 'claim' ? (fields.verdict ?? 'unverified') : null,
      sourceUrl: kind === 'claim' ? fields.sourceUrl : null,
      visibility: value['reader:visibility'] ?? 'private',
    },
    canonical: value.canonical ?? null,
    via: value.id ?? null,
    visibilityGiven: value['reader:visibility'] !== undefined,
  };
}
