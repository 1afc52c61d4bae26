// Request bodies: valid ones built from the article's real text (as e2e/api/api-fixtures.ts
// `annotationBody` builds them, with describeOffsets), and near-valid ones with one thing broken.
import fc from 'fast-check';
import { describeOffsets } from '@/lib/anchoring/describe';
import { annotationKinds, claimVerdicts, highlightColors } from '@/lib/annotations/schema';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import type { ArticleLang } from '@/lib/content/types';
import { toAnnotationCollection, toNoteAnnotation } from '@/lib/exchange/jsonld';
import { wordStarts } from '@/lib/learning/article-words';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { hostileNumber, hostileString, hostileValue, unicodeEdgeCases } from './hostile-values';

export const ARTICLE = 'deepseek-capex';
export const ORIGIN = 'http://localhost';

type Json = Record<string, unknown>;
export type CreateBody = {
  lang: ArticleLang;
  blockId: string;
  sentenceIds: string[];
  target: { selector: [Json, Json] };
  kind: string;
  [field: string]: unknown;
};

const canonical = (lang: ArticleLang) => articleCanonicalText(ARTICLE, lang);

/** A valid create body for `[start, start + length)` of one language (snapped by describeOffsets), or for its first sentence. */
export function validCreateBody(lang: ArticleLang, start: number, length: number, fields: Json = {}): CreateBody {
  const text = canonical(lang);
  const from = start % text.text.length;
  const description =
    describeOffsets(text, from, Math.min(text.text.length, from + length)) ??
    describeOffsets(text, text.sentences[0].start, text.sentences[0].end)!;
  return {
    lang,
    blockId: description.blockId,
    sentenceIds: description.sentenceIds,
    target: { selector: [{ ...description.selectors[0] }, { ...description.selectors[1] }] },
    kind: 'comment',
    // A translation is on its first sentence, reworded.
    ...(fields.kind === 'translation' && {
      suggestion: { lang: 'en', sentenceId: description.sentenceIds[0], text: 'A better wording, from a property test.' },
    }),
    ...fields,
  };
}

const lang = fc.constantFrom<ArticleLang>('zh', 'en');

/** Ordinary text around one unicode edge case (NUL, a lone surrogate, an RTL override...): passes every length and blank check. */
export const textWithEdge = fc
  .tuple(fc.constantFrom(...unicodeEdgeCases), fc.constantFrom('note', '笔记', 'Spam here'))
  .map(([edge, word]) => `${word} ${edge} ${word}`);
const urlWithEdge = fc.constantFrom(...unicodeEdgeCases).map((edge) => `https://example.com/${edge}`);
/** Versions JSON can carry that a 32-bit integer column cannot. */
const hugeVersion = fc.constantFrom(2 ** 31, 2 ** 40, 2 ** 53 - 1);
const kind = fc.constantFrom(...annotationKinds);
const verdict = fc.constantFrom(...claimVerdicts);
const tag = fc.oneof(fc.constantFrom('capex', '算力', 'nvidia', 'q-1'), fc.stringMatching(/^[a-z0-9]{1,12}$/));

/** The optional fields of a valid note, consistent with its kind. */
const noteFields = kind.chain((k) =>
  fc.record(
    {
      kind: fc.constant(k),
      verdict: k === 'claim' ? verdict : fc.constant(null),
      sourceUrl: k === 'claim' ? fc.constantFrom('https://example.com/report', 'http://example.org/a?b=c', null) : fc.constant(null),
      body: fc.oneof(fc.constantFrom('', 'A note.', '**Markdown** and [a link](https://example.com)'), fc.string({ maxLength: 80 })),
      tags: fc.uniqueArray(tag, { maxLength: 4 }),
      visibility: fc.constantFrom('private', 'shared'),
    },
    { requiredKeys: ['kind'] },
  ),
);

export const validCreate = fc
  .tuple(lang, fc.nat(), fc.integer({ min: 1, max: 120 }), noteFields)
  .map(([l, start, length, fields]) => validCreateBody(l, start, length, fields));

/** Mutations of a path in a JSON object: set it to a hostile value, or remove it. */
function setPath(value: Json, path: (string | number)[], replacement: unknown, remove = false): Json {
  const copy = structuredClone(value);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

const createPaths: (string | number)[][] = [
  ['lang'],
  ['blockId'],
  ['sentenceIds'],
  ['sentenceIds', 0],
  ['target'],
  ['target', 'selector'],
  ['target', 'selector', 0],
  ['target', 'selector', 1],
  ['target', 'selector', 0, 'type'],
  ['target', 'selector', 0, 'exact'],
  ['target', 'selector', 0, 'prefix'],
  ['target', 'selector', 0, 'suffix'],
  ['target', 'selector', 1, 'type'],
  ['target', 'selector', 1, 'start'],
  ['target', 'selector', 1, 'end'],
  ['target', 'source'],
  ['kind'],
  ['verdict'],
  ['sourceUrl'],
  ['body'],
  ['tags'],
  ['tags', 0],
  ['visibility'],
  ['color'],
  ['authorId'],
  ['id'],
  ['version'],
];

/** Targets that are well-formed JSON but wrong about the text: the broken selectors of the issue. */
function brokenSelector(body: CreateBody, how: number, n: number): Json {
  const text = canonical(body.lang).text;
  const [quote, position] = body.target.selector as [Json & { exact: string }, Json & { start: number; end: number }];
  const withPosition = (start: unknown, end: unknown) => ({ ...body, target: { selector: [quote, { ...position, start, end }] } });
  const withQuote = (change: Json) => ({ ...body, target: { selector: [{ ...quote, ...change }, position] } });
  switch (how % 16) {
    case 0:
      return withPosition(position.end, position.start); // start > end
    case 1:
      return withPosition(position.start, position.start); // empty range
    case 2:
      return withPosition(-1 - (n % 50), position.end); // negative
    case 3:
      return withPosition(text.length + (n % 100), text.length + 1 + (n % 100)); // past the end
    case 4:
      return withPosition(position.start, text.length + 1 + (n % 5));
    case 5:
      return withPosition(position.start + 1 + (n % 3), position.end + 1 + (n % 3)); // shifted, quote kept
    case 6:
      return withQuote({ exact: `${quote.exact.slice(1)}${quote.exact[0]}` }); // quote not matching
    case 7:
      return withQuote({ exact: unicodeEdgeCases[n % unicodeEdgeCases.length] });
    case 8:
      return withQuote({ prefix: `x${String(quote.prefix)}` });
    case 9:
      return withQuote({ suffix: '' });
    case 10:
      return { ...body, target: { selector: [position, quote] } }; // order swapped: still valid
    case 11:
      return { ...body, target: { selector: [quote, quote] } };
    case 12:
      return { ...body, target: { selector: [quote, position, position] } };
    case 13:
      return { ...body, lang: body.lang === 'zh' ? 'en' : 'zh' }; // the other language's text
    case 14:
      return { ...body, blockId: `p${String(90 + (n % 9)).padStart(2, '0')}`, sentenceIds: ['p90-s1'] };
    default:
      return withPosition(position.start + 0.5, position.end);
  }
}

/** Near-valid create bodies: one field broken (wrong type, huge, empty, unicode edge case), removed or added, or the target broken. */
export const nearValidCreate: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: validCreate },
  {
    weight: 4,
    arbitrary: fc
      .tuple(validCreate, fc.constantFrom(...createPaths), hostileValue, fc.boolean())
      .map(([body, path, value, remove]) => setPath(body, path, value, remove && path.length > 1)),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(validCreate, fc.nat(), fc.nat()).map(([body, how, n]) => brokenSelector(body, how, n)),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(validCreate, fc.constantFrom('claim', 'comment'), hostileString).map(([body, k, url]) => ({
      ...body,
      kind: k,
      sourceUrl: url.length % 2 ? `https://example.com/${url}` : url,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(validCreate, fc.array(hostileString, { maxLength: 25 })).map(([body, tags]) => ({ ...body, tags })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validCreate, textWithEdge, urlWithEdge, fc.nat(2))
      .map(([body, text, url, field]) =>
        field === 0 ? { ...body, body: text } : field === 1 ? { ...body, tags: [text] } : { ...body, kind: 'claim', sourceUrl: url },
      ),
  },
);

const patchFields = fc.record(
  {
    kind,
    verdict: fc.oneof(verdict, fc.constant(null)),
    sourceUrl: fc.constantFrom('https://example.com/x', null),
    body: fc.oneof(fc.constantFrom('edited', ''), fc.string({ maxLength: 40 })),
    tags: fc.uniqueArray(tag, { maxLength: 3 }),
    visibility: fc.constantFrom('private', 'shared'),
    color: fc.constantFrom(...highlightColors),
    resolved: fc.boolean(),
    version: fc.oneof(fc.integer({ min: 1, max: 4 }), hostileNumber),
  },
  { requiredKeys: [] },
);
const patchPaths = [
  'kind',
  'verdict',
  'sourceUrl',
  'body',
  'tags',
  'visibility',
  'color',
  'resolved',
  'version',
  'authorId',
  'target',
  'lang',
];

/** Edits an author makes: share, unshare, re-kind, reword, retag. */
const simplePatch = fc.oneof(
  fc.record({ body: fc.string({ maxLength: 60 }) }),
  fc.constantFrom<Json>(
    { visibility: 'shared' },
    { visibility: 'private' },
    { kind: 'comment' },
    { kind: 'claim', verdict: 'supported' },
    { kind: 'claim', sourceUrl: 'https://example.com/s' },
    { kind: 'question', resolved: true },
    { kind: 'highlight', body: '' },
    { tags: ['x', '算力'] },
    { tags: [] },
    { color: 'pink' },
  ),
);

/** PATCH /api/annotations/{id} bodies: valid edits and field sets, and ones with a field broken. */
export const nearValidPatch: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: simplePatch },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({ body: textWithEdge }),
      fc.record({ kind: fc.constant('claim'), sourceUrl: urlWithEdge }),
      fc.record({ body: fc.constant('edited'), version: hugeVersion }),
    ),
  },
  { weight: 2, arbitrary: patchFields },
  {
    weight: 3,
    arbitrary: fc
      .tuple(patchFields, fc.constantFrom(...patchPaths), hostileValue)
      .map(([body, path, value]) => setPath(body as Json, [path], value)),
  },
);

const replyBody = fc.oneof(fc.constantFrom('I agree.', '不同意。', '  trimmed  '), fc.string({ minLength: 1, maxLength: 60 }));
const replyFields = fc.record(
  { body: replyBody, verdict: fc.oneof(verdict, fc.constant(null)), version: fc.integer({ min: 1, max: 4 }) },
  { requiredKeys: [] },
);

/** Reply bodies (create and edit) with a field broken now and then. */
export const nearValidReply: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: replyFields },
  { weight: 1, arbitrary: fc.oneof(fc.record({ body: textWithEdge }), fc.record({ body: fc.constant('edited'), version: hugeVersion })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(replyFields, fc.constantFrom('body', 'verdict', 'version', 'annotationId', 'authorId'), hostileValue)
      .map(([body, path, value]) => setPath(body as Json, [path], value)),
  },
);

export const nearValidFlag: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ reason: fc.constantFrom('spam', 'Off topic and rude.', '  no  ', 'x'.repeat(501)) }),
  fc.record({ reason: textWithEdge }),
  fc.record({ reason: hostileValue }),
  fc.record({ reason: fc.constant('Spam again'), extra: hostileValue }),
);

export const nearValidModeration: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    { action: fc.constantFrom('hide', 'restore'), reason: fc.constantFrom('Off topic', '', 'x'.repeat(501)) },
    { requiredKeys: ['action'] },
  ),
  fc.record({ action: hostileValue, reason: hostileValue }, { requiredKeys: [] }),
  fc.record({ action: fc.constantFrom('hide', 'restore'), reason: textWithEdge }),
);

export const nearValidSupport: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ support: fc.boolean() }),
  fc.record({ support: hostileValue }),
  fc.record({ support: fc.boolean(), extra: hostileValue }),
);

export const nearValidDecision: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    { state: fc.constantFrom('accepted', 'declined', 'open'), version: fc.oneof(fc.integer({ min: 1, max: 5 }), hugeVersion) },
    { requiredKeys: ['state'] },
  ),
  fc.record({ state: hostileValue }),
  fc.record({ state: fc.constantFrom('accepted', 'ACCEPTED', 'merged') }),
);

export const nearValidVerdict: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      action: fc.constantFrom('publish', 'withdraw', 'delete'),
      rating: fc.constantFrom('false', 'misleading', 'mixed', 'mostly-true', 'true', 'pants-on-fire'),
      reasoningEn: fc.oneof(fc.constantFrom('', 'Checked against the filing.'), textWithEdge),
      sources: fc.oneof(fc.constant(['https://example.com/filing']), fc.array(urlWithEdge, { maxLength: 3 })),
      version: fc.oneof(fc.integer({ min: 0, max: 4 }), hugeVersion),
    },
    { requiredKeys: ['action'] },
  ),
  fc.record({ action: hostileValue, rating: hostileValue, version: hostileValue }, { requiredKeys: [] }),
);

/** An ApiAnnotation as an export holds it, from a create body (ids and dates are the exporter's). */
function exported(body: CreateBody, index: number, visibility: string): ApiAnnotation {
  return {
    id: `exported-${index}`,
    article: ARTICLE,
    lang: body.lang,
    blockId: body.blockId,
    sentenceIds: body.sentenceIds,
    target: body.target as ApiAnnotation['target'],
    kind: (body.kind as ApiAnnotation['kind']) ?? 'comment',
    verdict: (body.verdict as ApiAnnotation['verdict']) ?? null,
    sourceUrl: (body.sourceUrl as string | null) ?? null,
    body: typeof body.body === 'string' ? body.body : '',
    bodyHtml: '',
    tags: Array.isArray(body.tags) ? (body.tags as string[]) : [],
    visibility: visibility as ApiAnnotation['visibility'],
    version: 1,
    resolved: false,
    deleted: false,
    hidden: null,
    suggestion: null,
    author: { id: 'someone', name: 'Someone' },
    createdAt: '2025-03-01T08:30:00.000Z',
    updatedAt: '2025-03-01T08:30:00.000Z',
    editedAt: null,
    color: 'yellow',
    orphaned: false,
    replies: [],
  };
}

const importPaths: (string | number)[][] = [
  ['type'],
  ['first'],
  ['first', 'type'],
  ['first', 'items'],
  ['first', 'items', 0],
  ['first', 'items', 0, 'id'],
  ['first', 'items', 0, 'type'],
  ['first', 'items', 0, 'motivation'],
  ['first', 'items', 0, 'body'],
  ['first', 'items', 0, 'target'],
  ['first', 'items', 0, 'target', 'source'],
  ['first', 'items', 0, 'target', 'selector'],
  ['first', 'items', 0, 'target', 'selector', 1, 'start'],
  ['first', 'items', 0, 'reader:visibility'],
  ['first', 'items', 0, 'reader:blockId'],
  ['first', 'items', 0, 'reader:sentenceIds'],
  ['first', 'items', 0, 'reader:verdict'],
  ['first', 'items', 0, 'reader:deleted'],
  ['first', 'next'],
];

const importedNote = fc.oneof(
  { weight: 4, arbitrary: validCreate },
  { weight: 1, arbitrary: fc.tuple(validCreate, textWithEdge).map(([body, text]) => ({ ...body, body: text })) },
);
const validCollection = fc
  .array(fc.tuple(importedNote, fc.constantFrom('private', 'private', 'shared')), { minLength: 1, maxLength: 5 })
  .map((items) =>
    toAnnotationCollection(
      items.map(([body, visibility], i) => exported(body, i, visibility)),
      { id: `${ORIGIN}/api/me/annotations/export?format=jsonld`, label: 'Notes', origin: ORIGIN },
    ),
  );

/** POST /api/annotations/import bodies: exports as the app writes them (their notes near-valid), then broken in one place. */
export const nearValidImport: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: validCollection },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validCollection, fc.constantFrom(...importPaths), hostileValue, fc.boolean())
      .map(([body, path, value, remove]) => setPath(body as unknown as Json, path, value, remove)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(validCollection, fc.constantFrom(`${ORIGIN}/fr/articles/${ARTICLE}`, `${ORIGIN}/zh/articles/no-such-article`, 'not a url'))
      .map(([body, source]) => setPath(body as unknown as Json, ['first', 'items', 0, 'target', 'source'], source)),
  },
  { weight: 1, arbitrary: validCollection.map((c) => (c as unknown as { first?: { items: unknown[] } }).first?.items ?? []) },
);

const colorName = fc.oneof(fc.constantFrom('Key point', '重点', '', null, '  spaced  '), hostileString, hostileValue);

/** PUT /api/me/highlight-names bodies: names for some colours, some broken, and strangers to the shape. */
export const nearValidColorNames: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ yellow: colorName, blue: colorName, purple: colorName, pink: colorName }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ green: fc.constant('Extra'), yellow: colorName }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: hostileValue },
);

/** A valid note as a W3C client would send it to the container: the exported annotation, with or without our extensions. */
const validW3c = fc
  .tuple(importedNote, fc.constantFrom('private', 'shared'), fc.boolean(), fc.boolean())
  .map(([body, visibility, extensions, bare]) => {
    const annotation: Json = { '@context': 'http://www.w3.org/ns/anno.jsonld', ...toNoteAnnotation(exported(body, 0, visibility), ORIGIN) };
    if (!extensions)
      for (const key of Object.keys(annotation)) if (key.startsWith('reader:') && key !== 'reader:visibility') delete annotation[key];
    // A bare client: no context around the quote, no id, no dates.
    if (bare) {
      const [quote] = (annotation.target as { selector: Json[] }).selector;
      delete quote.prefix;
      delete quote.suffix;
      for (const key of ['id', 'created', 'modified', 'creator']) delete annotation[key];
    }
    return annotation;
  });

const w3cPaths: (string | number)[][] = [
  ['@context'],
  ['type'],
  ['motivation'],
  ['body'],
  ['body', 0],
  ['body', 0, 'type'],
  ['body', 0, 'value'],
  ['body', 0, 'purpose'],
  ['target'],
  ['target', 'source'],
  ['target', 'selector'],
  ['target', 'selector', 0, 'exact'],
  ['target', 'selector', 0, 'prefix'],
  ['target', 'selector', 1, 'start'],
  ['target', 'selector', 1, 'end'],
  ['id'],
  ['canonical'],
  ['via'],
  ['reader:visibility'],
  ['reader:blockId'],
];

/** POST and PUT bodies of the W3C container: valid annotations, broken in one place, on another page, of another motivation. */
export const nearValidW3c: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: validW3c },
  {
    weight: 4,
    arbitrary: fc
      .tuple(validW3c, fc.constantFrom(...w3cPaths), hostileValue, fc.boolean())
      .map(([body, path, value, remove]) => setPath(body, path, value, remove)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        validW3c,
        fc.constantFrom(`${ORIGIN}/fr/articles/${ARTICLE}`, `https://evil.example/zh/articles/${ARTICLE}`, `${ORIGIN}/zh/articles/other`),
      )
      .map(([body, source]) => setPath(body, ['target', 'source'], source)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(validW3c, fc.constantFrom('replying', 'editing', 'bookmarking', ['commenting', 'tagging'], []))
      .map(([body, motivation]) => ({ ...body, motivation })),
  },
);

/** POST /api/me/tokens bodies. */
export const nearValidToken: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ name: fc.constantFrom('script', '脚本', 'x'), scope: fc.constantFrom('read', 'write') }) },
  {
    weight: 2,
    arbitrary: fc.record({ name: fc.oneof(hostileString, textWithEdge), scope: fc.constantFrom('read', 'write', 'admin', '') }),
  },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('x'), scope: fc.constant('read'), userId: fc.constant('someone') }) },
  { weight: 1, arbitrary: hostileValue },
);

/** Where the article's Chinese words start (sentence, offset), from its word list: saves that succeed. */
const articleWordStarts: [string, number][] = Object.entries(readArticleWords(ARTICLE)!.sentences).flatMap(([id, tokens]) =>
  wordStarts(tokens).map(({ start }): [string, number] => [id, start]),
);

/** A place to save a word from: the article's sentences, offsets near word starts and past them, or junk. */
export const nearValidSavedWord: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.constantFrom(...articleWordStarts).map(([sentenceId, start]) => ({ article: ARTICLE, sentenceId, start })),
      fc.record({
        article: fc.constant(ARTICLE),
        sentenceId: fc.constantFrom(...canonical('zh').sentences.map((sentence) => sentence.id)),
        start: fc.integer({ min: 0, max: 60 }),
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      article: fc.oneof(fc.constant(ARTICLE), hostileString),
      sentenceId: fc.oneof(fc.constantFrom('p01-s1', '__proto__', 'constructor', ''), hostileString),
      start: fc.oneof(fc.integer({ min: -5, max: 20_000 }), hostileNumber),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      article: fc.constant(ARTICLE),
      sentenceId: fc.constant('p01-s1'),
      start: fc.constant(0),
      word: fc.constant('假'),
    }),
  },
  { weight: 1, arbitrary: hostileValue },
);

/** An answer in a review: the four ratings, their near misses, or junk. */
export const nearValidRating: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ rating: fc.constantFrom('again', 'hard', 'good', 'easy'), reps: fc.integer({ min: 0, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      rating: fc.constantFrom('Good', 'perfect', '', '1'),
      reps: fc.oneof(fc.integer({ min: -2, max: 2 }), hostileNumber),
    }),
  },
  { weight: 1, arbitrary: hostileValue },
);
