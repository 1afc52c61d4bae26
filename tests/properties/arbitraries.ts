// fast-check generators of API calls: every route and method of the README's table, by random
// callers, with near-valid and arbitrary bodies, forged and real ids, wrong content types and origins.
import fc from 'fast-check';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import {
  ARTICLE,
  nearValidColorNames,
  nearValidCreate,
  nearValidFlag,
  nearValidImport,
  nearValidModeration,
  nearValidSupport,
  nearValidDecision,
  nearValidVerdict,
  nearValidPatch,
  nearValidReply,
  nearValidToken,
  nearValidSavedWord,
  nearValidRating,
  nearValidW3c,
  textWithEdge,
} from './bodies';
import {
  CROSS_ORIGINS,
  describeCall,
  SAME_ORIGINS,
  type ApiCall,
  type BodySpec,
  type Caller,
  type IdRef,
  type NoteState,
  type RouteName,
} from './calls';
import { hostileString, hostileValue, unicodeEdgeCases } from './hostile-values';

const reader = fc.integer({ min: 0, max: 2 }).map((index): Caller => ({ kind: 'reader', index }));

/** Made-up cookies: nobody is signed in with them. */
const forged: fc.Arbitrary<Caller> = fc
  .oneof(
    fc.constantFrom(
      'better-auth.session_token=forged',
      'better-auth.session_token=abc.def; better-auth.session_data=xyz',
      '=',
      ';;;',
      'a=b',
    ),
    fc.string({ unit: fc.constantFrom(...'abcXYZ019=;.-_%+/ '.split('')), maxLength: 80 }).map((v) => `better-auth.session_token=${v}`),
    fc.uuid().map((v) => `better-auth.session_token=${v}.${v}`),
  )
  .map((cookie): Caller => ({ kind: 'forged', cookie }));

/** A reader's real cookies, tampered with: signatures broken, or a valid session token beside a cookie cache signed with junk. */
const tampered = (mode: fc.Arbitrary<'flip' | 'cache-signature'>) =>
  fc
    .record({
      index: fc.integer({ min: 0, max: 2 }),
      mode,
      at: fc.nat(),
      junk: fc.oneof(fc.constantFrom('', 'AAAA', '#', 'a#b', 'é', '=', '%', '..'), fc.string({ maxLength: 50 })),
    })
    .map((t): Caller => ({ kind: 'tampered', ...t }));

/** A reader's API token (read or write scope), or an Authorization header that is nobody's token. */
const tokenCaller: fc.Arbitrary<Caller> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ index: fc.integer({ min: 0, max: 2 }), scope: fc.constantFrom<'read' | 'write'>('read', 'write') })
      .map((t): Caller => ({ kind: 'token', ...t })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('Bearer', 'Bearer rdr_', `Bearer rdr_${'A'.repeat(43)}`, 'Basic YTpi', 'bearer', '', 'Bearer  '),
        hostileString.map((value) => `Bearer ${value}`),
      )
      .map((header): Caller => ({ kind: 'badToken', header })),
  },
);

/** Mostly the readers (so bodies get read), sometimes nobody, a made-up cookie, a reader's with broken signatures, or a token. */
export const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 12, arbitrary: reader },
  { weight: 3, arbitrary: tokenCaller },
  { weight: 2, arbitrary: fc.constant<Caller>({ kind: 'anon' }) },
  { weight: 1, arbitrary: forged },
  { weight: 1, arbitrary: tampered(fc.constant('flip')) },
);

/** Callers whose cookies were made or changed by hand, in every way tried (see the "cookies" property). */
export const cookieCaller: fc.Arbitrary<Caller> = fc.oneof(forged, tampered(fc.constantFrom('flip', 'cache-signature')));

/** Forged ids: random strings, UUIDs, unicode, huge, path tricks. */
const forgedId: fc.Arbitrary<IdRef> = fc
  .oneof(
    fc.uuid(),
    fc.constantFrom('', ' ', '0', 'null', 'undefined', '..', '../replies', '%2e%2e', 'import', "' OR 1=1 --", '{}', '*'),
    fc.constantFrom(...unicodeEdgeCases),
    hostileString,
  )
  .map((value): IdRef => ({ kind: 'raw', value }));

type Owner = 'self' | 'other' | 'any';
/** Whose note or reply: for author-only routes the caller's own half the time, so bodies get read. */
const others = fc.constantFrom<Owner>('self', 'other', 'other', 'any');
const mostlyOwn = fc.constantFrom<Owner>('self', 'self', 'other', 'any');
const noteRef = (owner: fc.Arbitrary<Owner>, state: fc.Arbitrary<NoteState>) =>
  fc.record({ kind: fc.constant('note' as const), owner, state, pick: fc.nat() });
const replyRef = (owner: fc.Arbitrary<Owner>) => fc.record({ kind: fc.constant('reply' as const), owner, pick: fc.nat() });
const goneRef = fc.record({ kind: fc.constant('gone' as const), pick: fc.nat() });

/** A note id: mostly a real one (own or another reader's, private, shared, hidden, deleted), sometimes forged or gone. */
const noteId = (owner: fc.Arbitrary<Owner>): fc.Arbitrary<IdRef> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: noteRef(owner, fc.constantFrom<NoteState>('private', 'shared', 'threaded', 'threaded', 'hidden', 'placeholder', 'any')),
    },
    { weight: 1, arbitrary: replyRef(owner) },
    { weight: 1, arbitrary: goneRef },
    { weight: 2, arbitrary: forgedId },
  );

const replyId = (owner: fc.Arbitrary<Owner>): fc.Arbitrary<IdRef> =>
  fc.oneof(
    { weight: 8, arbitrary: replyRef(owner) },
    { weight: 1, arbitrary: noteRef(owner, fc.constant('any')) },
    { weight: 1, arbitrary: goneRef },
    { weight: 2, arbitrary: forgedId },
  );

/** A token id: one of the world's tokens (the caller's own or another reader's), or forged. */
const tokenId: fc.Arbitrary<IdRef> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('token' as const),
      owner: fc.constantFrom<'self' | 'other'>('self', 'self', 'other'),
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: forgedId },
);

/** The article, mostly; unknown and hostile slugs otherwise. */
export const slug = fc.oneof(
  { weight: 8, arbitrary: fc.constant(ARTICLE) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('no-such-article', 'DEEPSEEK-CAPEX', 'deepseek-capex/', '..', 'content', 'deepseek-capex\n', ''),
  },
  { weight: 1, arbitrary: hostileString },
);

/** Bodies that are not near-valid: any JSON, non-JSON text, bytes that are not UTF-8, nothing. */
const otherBody: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): BodySpec => ({ kind: 'json', value })) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true }).map((value): BodySpec => ({ kind: 'json', value })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '',
          'null',
          '{',
          '{"body": "x"',
          'lang=zh&kind=comment',
          '[]',
          '"string"',
          '1e999',
          '{"__proto__": {"x": 1}}',
          '\uFEFF{}',
        ),
        hostileString,
      )
      .map((text): BodySpec => ({ kind: 'text', text })),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }).map((bytes): BodySpec => ({ kind: 'bytes', bytes })),
  },
  { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 65_000, max: 70_000 })
      .map((n): BodySpec => ({ kind: 'text', text: JSON.stringify({ body: 'x'.repeat(n) }) })),
  },
);

const body = (nearValid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 7, arbitrary: nearValid.map((value): BodySpec => ({ kind: 'json', value })) }, { weight: 3, arbitrary: otherBody });

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/ld+json',
      'application/jsonx',
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      'text/json',
      '',
    ),
  },
);

/** Mostly this site or no Origin at all (scripts); sometimes another origin, or Sec-Fetch-Site: cross-site without Origin. */
const origin = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ origin: fc.constantFrom(...SAME_ORIGINS), secFetchSite: fc.constantFrom(null, 'same-origin', 'none') }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ origin: fc.constantFrom(...CROSS_ORIGINS), secFetchSite: fc.constantFrom(null, 'cross-site', 'same-site') }),
  },
  { weight: 1, arbitrary: fc.constant({ origin: 'none' as const, secFetchSite: 'cross-site' }) },
);

const junkQuery = fc.array(fc.tuple(fc.constantFrom('x', 'format', 'status', 'id', ''), hostileString), { maxLength: 2 });
const queryWith = (name: string, values: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...values).map((v): [string, string][] => [[name, v]]) },
    { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 2, arbitrary: junkQuery },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...values), hostileString).map(([v, x]): [string, string][] => [
        [name, v],
        [name, x],
      ]),
    },
  );

const noBody: BodySpec = { kind: 'none' };

/** Sentence ids: the article's own (most often, so pages are read), and forged ones. */
const articleSentenceIds = articleCanonicalText(ARTICLE, 'zh').sentences.map((sentence) => sentence.id);
const sentenceId: fc.Arbitrary<IdRef> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...articleSentenceIds).map((value): IdRef => ({ kind: 'raw', value })) },
  { weight: 1, arbitrary: forgedId },
);

/** Block ids: the article's own, mostly, and forged ones. */
const articleBlockIds = [...new Set(articleSentenceIds.map((id) => id.split('-')[0]))];
const blockId: fc.Arbitrary<IdRef> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...articleBlockIds, 'f01', 'h01').map((value): IdRef => ({ kind: 'raw', value })) },
  { weight: 1, arbitrary: forgedId },
);

/** Paging queries: cursors made up or malformed, limits in and out of range. */
const pageQuery = fc.oneof(
  { weight: 3, arbitrary: fc.constant<[string, string][]>([]) },
  { weight: 1, arbitrary: queryWith('limit', ['1', '5', '20', '50', '500', '0', '-1', '1e3', '501', 'x']) },
  {
    weight: 1,
    arbitrary: queryWith('after', ['', '0_x', `${Date.now()}_00000000-0000-0000-0000-000000000000`, '9999999999999999_a', 'nope']),
  },
);

type Parts = {
  id?: fc.Arbitrary<IdRef>;
  body?: fc.Arbitrary<BodySpec>;
  query?: fc.Arbitrary<[string, string][]>;
  slug?: fc.Arbitrary<string>;
  /** The route takes If-Match (W3C PUT and DELETE). */
  ifMatch?: boolean;
};

/** What matters for each route of the README's table (defaults for the rest). */
const ROUTE_PARTS: Record<RouteName, Parts> = {
  list: {
    slug,
    query: fc.oneof(
      pageQuery,
      queryWith('q', ['算力', '亿', 'nvidia', '%', '_', '\\', 'a b']),
      queryWith('kind', ['claim', 'question', 'rant', '']),
      queryWith('verdict', ['false', 'maybe']),
      queryWith('section', ['0', '3', '999', '-1', 'x']),
      queryWith('order', ['reading', 'newest', 'oldest']),
      queryWith('lang', ['zh', 'en', 'fr']),
    ),
  },
  summary: { slug, query: queryWith('since', ['0', '3', '100000', '-1', 'x', '1.5', '99999999999', '']) },
  sentenceNotes: { slug, id: sentenceId, query: pageQuery },
  mine: { slug, query: pageQuery },
  getNote: { id: noteId(others) },
  create: { slug, body: body(nearValidCreate) },
  patchNote: { id: noteId(mostlyOwn), body: body(nearValidPatch) },
  deleteNote: { id: noteId(mostlyOwn), body: fc.oneof(fc.constant(noBody), otherBody) },
  createReply: { id: noteId(others), body: body(nearValidReply) },
  patchReply: { id: replyId(mostlyOwn), body: body(nearValidReply) },
  deleteReply: { id: replyId(mostlyOwn), body: fc.oneof(fc.constant(noBody), otherBody) },
  flag: { id: noteId(others), body: body(nearValidFlag) },
  moderate: { id: noteId(others), body: body(nearValidModeration) },
  support: { id: noteId(others), body: body(nearValidSupport) },
  decide: { id: noteId(others), body: body(nearValidDecision) },
  acceptedPatch: { slug },
  verdict: { slug, id: sentenceId, body: body(nearValidVerdict) },
  claimReviews: { slug },
  words: { slug, id: blockId },
  savedWords: { query: pageQuery },
  saveWord: { body: body(nearValidSavedWord) },
  deleteSavedWord: { id: forgedId, body: fc.oneof(fc.constant(noBody), otherBody) },
  wordsExport: { query: queryWith('format', ['tsv', 'csv', 'xls', 'TSV', '']) },
  dueWords: { query: queryWith('limit', ['1', '20', '50', '51', '0', 'x']) },
  reviewWord: { id: forgedId, body: body(nearValidRating) },
  queue: { query: queryWith('status', ['open', 'hidden', 'OPEN', '', 'closed']) },
  myNotes: {},
  exportArticle: { slug, query: queryWith('format', ['jsonld', 'md', 'csv', 'JSONLD', 'pdf', '']) },
  exportMine: { query: queryWith('format', ['jsonld', 'md', 'csv', 'xml']) },
  import: { body: body(nearValidImport) },
  session: {},
  colorNames: {},
  renameColors: { body: body(nearValidColorNames) },
  health: {},
  events: { slug },
  w3cContainer: {
    slug,
    query: fc.oneof(
      pageQuery,
      queryWith('page', ['first', 'last', 'middle', '']),
      queryWith('before', ['0_x', `${Date.now()}_00000000-0000-0000-0000-000000000000`, 'nope', '']),
      queryWith('iris', ['1', '0']),
    ),
  },
  w3cGet: { slug, id: noteId(others) },
  w3cCreate: { slug, body: body(nearValidW3c) },
  w3cReplace: {
    slug,
    id: noteId(mostlyOwn),
    body: fc.oneof(
      { weight: 1, arbitrary: body(nearValidW3c) },
      {
        weight: 2,
        arbitrary: fc
          .record({
            body: fc.constantFrom(
              [{ type: 'TextualBody', value: 'Edited through the container', purpose: 'commenting' }],
              [
                { type: 'TextualBody', value: 'A claim, checked', purpose: 'assessing' },
                { type: 'TextualBody', value: 'supported', purpose: 'assessing' },
              ],
            ),
            motivation: fc.constantFrom('commenting', 'questioning', 'assessing', 'highlighting'),
            'reader:visibility': fc.constantFrom('private', 'shared'),
          })
          .map((edits): BodySpec => ({ kind: 'current', edits })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record(
            {
              body: fc.oneof(
                textWithEdge.map((value) => [{ type: 'TextualBody', value }]),
                hostileValue,
              ),
              motivation: fc.constantFrom('editing', 'replying', 'nonsense', ''),
              'reader:visibility': fc.constantFrom('public', ''),
              target: fc.constantFrom({ source: 'https://evil.example/zh/articles/deepseek-capex' }, 'x'),
            },
            { requiredKeys: [] },
          )
          .map((edits): BodySpec => ({ kind: 'current', edits })),
      },
    ),
    ifMatch: true,
  },
  w3cDelete: { slug, id: noteId(mostlyOwn), body: fc.oneof(fc.constant(noBody), otherBody), ifMatch: true },
  tokens: {},
  createToken: { body: body(nearValidToken) },
  revokeToken: { id: tokenId, body: fc.oneof(fc.constant(noBody), otherBody) },
};

/** If-Match of W3C writes: mostly the ETag the caller just read, else none, a stale or a made-up one. */
const ifMatch = fc.oneof(
  { weight: 6, arbitrary: fc.constant('current') },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom('"1-stale"', '*', 'W/"x"', '"', '') },
  { weight: 1, arbitrary: hostileString.map((value) => value.replace(/[\r\n\0]/g, ' ')) },
);

/** One route's calls by `who`. */
function calls(route: RouteName, who: fc.Arbitrary<Caller>): fc.Arbitrary<ApiCall> {
  const parts = ROUTE_PARTS[route];
  return fc
    .record({
      route: fc.constant(route),
      caller: who,
      slug: parts.slug ?? fc.constant(ARTICLE),
      id: parts.id ?? fc.constant<IdRef>({ kind: 'raw', value: '' }),
      query: parts.query ?? fc.oneof({ weight: 4, arbitrary: fc.constant<[string, string][]>([]) }, { weight: 1, arbitrary: junkQuery }),
      body: parts.body ?? fc.constant(noBody),
      contentType,
      origin,
      ifMatch: parts.ifMatch ? ifMatch : fc.constant(null),
    })
    .map(({ origin: o, ...call }) => {
      const value: ApiCall = { ...call, origin: o.origin, secFetchSite: o.secFetchSite };
      return Object.defineProperty(value, fc.toStringMethod, { value: () => describeCall(value), enumerable: false });
    });
}

const ROUTE_NAMES = Object.keys(ROUTE_PARTS) as RouteName[];

/** The calls of each route. */
export const routeCalls = Object.fromEntries(ROUTE_NAMES.map((route) => [route, calls(route, caller)])) as Record<
  RouteName,
  fc.Arbitrary<ApiCall>
>;

const WRITES_AND_LISTS: RouteName[] = [
  'patchNote',
  'createReply',
  'create',
  'deleteReply',
  'deleteNote',
  'patchReply',
  'moderate',
  'support',
  'decide',
  'verdict',
  'flag',
  'list',
  'sentenceNotes',
];

/** Any route, the writes weighted up (they are where state goes wrong), for runs that interleave them. */
export const anyCall: fc.Arbitrary<ApiCall> = fc.oneof(
  ...ROUTE_NAMES.map((route) => ({ weight: WRITES_AND_LISTS.includes(route) ? 3 : 1, arbitrary: routeCalls[route] })),
);

/** Any route, by callers with made-up or tampered cookies. */
export const cookieCalls: fc.Arbitrary<ApiCall> = fc.oneof(...ROUTE_NAMES.map((route) => calls(route, cookieCaller)));
