import { z } from 'zod';
import {
  claimVerdicts,
  createAnnotationSchema,
  visibilities,
  type AnnotationKind,
  type ClaimVerdict,
  type Visibility,
} from '@/lib/annotations/schema';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { motivationOfKind } from './jsonld';
import type { ArticleLang } from '@/lib/content/types';

/** What `createAnnotationSchema` accepts: the body of a create request. */
export type NoteInput = {
  lang: ArticleLang;
  blockId: string;
  sentenceIds: string[];
  target: { selector: ApiAnnotation['target']['selector'] };
  kind: AnnotationKind;
  verdict: ClaimVerdict | null;
  sourceUrl: string | null;
  body: string;
  tags: string[];
  visibility: Visibility;
};

/** A note to create, with the IRI it was exported under and the slug of its article. */
export type ImportedNote = NoteInput & { sourceId: string; article: string };

export type SkippedItem = { index: number; id?: string; reason: string };

// Translation suggestions are not imported: where they stand is an editor's decision on this site.
export const kindOfMotivation = new Map(
  Object.entries(motivationOfKind)
    .filter(([kind]) => kind !== 'translation')
    .map(([kind, motivation]) => [motivation as string, kind as AnnotationKind]),
);
export const noteMotivations = [...kindOfMotivation.keys()].join(', ');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (value: unknown): unknown[] => (isRecord(value) ? [value.type].flat() : []);
/** JSON-LD lets most properties hold one value or an array of them. */
export const listOf = (value: unknown): unknown[] => (value === undefined ? [] : [value].flat());

export const types = z.union([z.string(), z.array(z.string())]).transform((value) => [value].flat());

export const body = z
  .object(
    {
      type: types,
      value: z.string().optional(),
      format: z.string().optional(),
      source: z.string().optional(),
      purpose: z.string().optional(),
    },
    { error: 'must be a TextualBody or SpecificResource object' },
  )
  .superRefine((value, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message });
    if (value.type.includes('TextualBody')) {
      if (value.value === undefined) problem('a TextualBody needs a string value');
    } else if (value.type.includes('SpecificResource')) {
      if (value.source === undefined) problem('a SpecificResource needs a source');
    } else problem(`unsupported body type ${JSON.stringify(value.type.join(', '))}`);
  });

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});
const positionSelector = z.object({ type: z.literal('TextPositionSelector'), start: z.int().nonnegative(), end: z.int().nonnegative() });
const knownSelector = (value: unknown) => typesOf(value).some((type) => type === 'TextQuoteSelector' || type === 'TextPositionSelector');

// Selectors of other kinds (a RangeSelector, say) are ignored; one of each of ours is required.
export const selectors = z
  .preprocess((value) => listOf(value).filter(knownSelector), z.array(z.discriminatedUnion('type', [quoteSelector, positionSelector])))
  .transform((list, context) => {
    const quote = list.find((s) => s.type === 'TextQuoteSelector');
    const position = list.find((s) => s.type === 'TextPositionSelector');
    if (!quote || !position) {
      context.addIssue({ code: 'custom', message: 'needs a TextQuoteSelector and a TextPositionSelector' });
      return z.NEVER;
    }
    return [quote, position] as NoteInput['target']['selector'];
  });

const articlePath = /\/(zh|en)\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

const articleSource = z.string({ error: 'needs the article’s URL as its source' }).transform((source, context) => {
  const match = URL.canParse(source) ? articlePath.exec(new URL(source).pathname) : null;
  if (!match) {
    context.addIssue({
      code: 'custom',
      message: `${JSON.stringify(source)} is not an article URL ending in /zh/articles/<slug> or /en/articles/<slug>`,
    });
    return z.NEVER;
  }
  return { lang: match[1] as NoteInput['lang'], article: match[2] };
});

const target = z.preprocess(
  (value) => (Array.isArray(value) && value.length === 1 ? value[0] : value),
  z.object(
    { source: articleSource, selector: selectors },
    { error: 'must be one passage of an article: an object with a source URL and selectors' },
  ),
);

const onlyOurs = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is missing: only notes exported by this reader can be imported' : `must be ${expected}`;

const annotation = z.object({
  id: z.string({ error: 'needs an id (an IRI)' }).min(1, 'needs an id (an IRI)'),
  type: types.refine((list) => list.includes('Annotation'), 'must be "Annotation"'),
  motivation: types,
  body: z.preprocess(listOf, z.array(body)),
  target,
  'reader:visibility': z.enum(visibilities).default('private'),
  'reader:blockId': z.string({ error: onlyOurs('a string') }),
  'reader:sentenceIds': z.array(z.string(), { error: onlyOurs('an array of strings') }),
  'reader:verdict': z.enum(claimVerdicts).nullable().optional(),
  'reader:deleted': z.boolean().default(false),
});

export const describeIssues = (error: z.ZodError) =>
  error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

export const isVerdict = (value: string | undefined): value is ClaimVerdict =>
  (claimVerdicts as readonly (string | undefined)[]).includes(value);

export type ParsedBody = z.infer<typeof body>;

/** What a note's bodies say: its Markdown, tags, a claim's verdict and source (as noteBodies in jsonld.ts writes them). */
export function fieldsOfBodies(bodies: ParsedBody[]): Pick<NoteInput, 'body' | 'tags' | 'verdict' | 'sourceUrl'> {
  const textual = bodies.filter((b) => b.type.includes('TextualBody'));
  // A claim's Markdown shares the purpose "assessing" with its verdict, which is a bare verdict word.
  const verdictBody = textual.find((b) => b.purpose === 'assessing' && b.format !== 'text/markdown' && isVerdict(b.value));
  const noteText = textual.filter((b) => b !== verdictBody && b.purpose !== 'tagging');
  return {
    verdict: (verdictBody?.value as ClaimVerdict | undefined) ?? null,
    sourceUrl: bodies.find((b) => b.type.includes('SpecificResource'))?.source ?? null,
    body: noteText.map((b) => b.value).join('\n\n'),
    tags: textual.filter((b) => b.purpose === 'tagging').map((b) => b.value ?? ''),
  };
}

/** One item as a note to create, or why it cannot be one. */
function importItem(item: unknown): ImportedNote | { reason: string } {
  if (!isRecord(item)) return { reason: 'is not an annotation object' };
  if (listOf(item.motivation).includes('replying')) return { reason: 'replies are not imported' };
  if (listOf(item.motivation).includes('editing')) return { reason: 'translation suggestions are not imported' };
  const parsed = annotation.safeParse(item);
  if (!parsed.success) return { reason: describeIssues(parsed.error) };
  const value = parsed.data;

  const kind = value.motivation.map((motivation) => kindOfMotivation.get(motivation)).find((k) => k !== undefined);
  if (!kind) return { reason: `motivation ${JSON.stringify(value.motivation.join(', '))} is not one of ${noteMotivations}` };
  if (value['reader:deleted']) return { reason: 'deleted notes are not imported' };

  const fields = fieldsOfBodies(value.body);
  const input: NoteInput = {
    lang: value.target.source.lang,
    blockId: value['reader:blockId'],
    sentenceIds: value['reader:sentenceIds'],
    target: { selector: value.target.selector },
    kind,
    ...fields,
    verdict: value['reader:verdict'] ?? fields.verdict,
    visibility: value['reader:visibility'],
  };
  const checked = createAnnotationSchema.safeParse(input);
  if (!checked.success) return { reason: describeIssues(checked.error) };
  return { ...input, sourceId: value.id, article: value.target.source.article };
}

const expected = 'Expected a W3C Web Annotation export: an AnnotationCollection, an AnnotationPage or an array of annotations';

/** The items of a page and of the pages after it, which must be embedded (a linked page cannot be read here). */
function pageItems(first: unknown): unknown[] {
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  for (let page = first; page !== undefined && !seen.has(page); page = (page as Record<string, unknown>).next) {
    if (typeof page === 'string') throw new Error(`The page ${page} is only linked: download it and import it on its own.`);
    if (!typesOf(page).includes('AnnotationPage')) throw new Error(`${expected}; a collection’s pages must be embedded AnnotationPages.`);
    const list = (page as Record<string, unknown>).items;
    if (!Array.isArray(list)) throw new Error('An AnnotationPage must have an items array.');
    seen.add(page);
    items.push(...list);
  }
  return items;
}

function annotationItems(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  const types = typesOf(json);
  if (types.includes('AnnotationPage')) return pageItems(json);
  if (types.includes('AnnotationCollection')) {
    const { first, total } = json as Record<string, unknown>;
    if (first === undefined && (total === undefined || total === 0)) return [];
    if (first === undefined) throw new Error('This AnnotationCollection has no first page, so its annotations cannot be read.');
    return pageItems(first);
  }
  if (types.includes('Annotation')) throw new Error(`${expected}; this is a single Annotation: put it in an array.`);
  throw new Error(`${expected}; got ${isRecord(json) ? 'an object without such a type' : json === null ? 'null' : typeof json}.`);
}

/**
 * Reads a Web Annotation export (as `toAnnotationCollection` writes it) back into create inputs.
 * Items that cannot become a note, replies included, are listed in `skipped` with the reason;
 * only a document that is not a collection, page or array of annotations at all throws.
 */
export function parseAnnotationCollection(json: unknown, { maxItems = Infinity } = {}): { notes: ImportedNote[]; skipped: SkippedItem[] } {
  const notes: ImportedNote[] = [];
  const skipped: SkippedItem[] = [];
  const items = annotationItems(json);
  // Counted before any item is read: each one may add a line to the report.
  if (items.length > maxItems) throw new TooManyItems(items.length, maxItems);
  items.forEach((item, index) => {
    const result = importItem(item);
    if ('reason' in result) {
      const id = isRecord(item) && typeof item.id === 'string' && item.id.length <= maxReportedText ? item.id : undefined;
      skipped.push({ index, ...(id !== undefined && { id }), reason: shortened(result.reason) });
    } else notes.push(result);
  });
  return { notes, skipped };
}

/** An export holds more annotations (notes and replies) than one import takes. */
export class TooManyItems extends Error {
  constructor(
    readonly count: number,
    readonly max: number,
  ) {
    super(`This export holds ${count} annotations; one import takes at most ${max}.`);
  }
}

/** Reasons and ids in a report are cut to this: the report must not grow far past the file (zod can say a lot about one `{}`). */
const maxReportedText = 200;
const shortened = (text: string) => (text.length > maxReportedText ? `${text.slice(0, maxReportedText - 1)}…` : text);
