/**
 * What every route accepts: its methods, and for those that take a body, how large and of which
 * types. One table, read by the gate in front of Next (lib/http/node-gate.ts: methods, declared
 * sizes) and by the body readers inside the routes (lib/http/read-body.ts: streamed sizes, types).
 * tests/http/route-table.test.ts checks it against the methods each route file exports.
 */

export type BodyRule = {
  /** Bytes, counted as they stream in (and checked against a declared Content-Length first). */
  maxBytes: number;
  /** Media types (before any `;`), lower case. */
  types: readonly string[];
  /** Deepest nesting of arrays and objects a JSON body may have. */
  maxDepth: number;
  /** At most this many JSON values (roughly: `{`, `[` and `,` outside strings), which bounds what parsing allocates. */
  maxValues: number;
};

export type RouteRule = { name: string; pattern: RegExp; methods: readonly string[]; body?: BodyRule };

const KB = 1024;
const MB = 1024 * KB;

/** Notes, replies, flags, moderation: the largest is a note (10,000 characters of Markdown, 20 tags, a quote). */
const jsonWrite: BodyRule = { maxBytes: 64 * KB, types: ['application/json'], maxDepth: 32, maxValues: 20_000 };

/** A reader's settings, such as the names of the highlight colours: a few short strings. */
const smallJson: BodyRule = { maxBytes: 2 * KB, types: ['application/json'], maxDepth: 2, maxValues: 32 };

/**
 * A JSON-LD export of up to 1,000 notes (lib/annotations/exchange.ts maxImportItems) with their
 * threads is about 2.5 MB. Parsing the worst 4 MB body allowed here (250,000 empty objects) takes
 * about 6 MB of heap; without the value cap, 4 MB of `{},{},…` would take 90 MB, and 10 MB (the old
 * limit) more than the server's whole 160 MB heap.
 */
const importBody: BodyRule = { maxBytes: 4 * MB, types: ['application/json', 'application/ld+json'], maxDepth: 32, maxValues: 250_000 };

/** The W3C Web Annotation Protocol's containers take one annotation, as JSON-LD (or plain JSON). */
const annotationBody: BodyRule = { ...jsonWrite, types: ['application/ld+json', 'application/json'] };

/**
 * better-auth's endpoints: sign-up (a name of 64 characters, an email of 254, a password of 128) is
 * the largest body. JSON and form-encoded bodies only: better-auth would also take multipart and
 * plain text, which none of our pages send.
 */
const authBody: BodyRule = {
  maxBytes: 8 * KB,
  types: ['application/json', 'application/x-www-form-urlencoded'],
  maxDepth: 8,
  maxValues: 200,
};

const segment = '[^/]+';
const route = (name: string, path: string, methods: string[], body?: BodyRule): RouteRule => ({
  name,
  pattern: new RegExp(`^${path.replaceAll('{}', segment)}/?$`),
  methods,
  body,
});

/** Every API route, where its URL says (`{}` is one path segment). */
export const apiRoutes: readonly RouteRule[] = [
  route('articleAnnotations', '/api/articles/{}/annotations', ['GET', 'HEAD', 'POST'], jsonWrite),
  route('ownArticleAnnotations', '/api/articles/{}/annotations/mine', ['GET', 'HEAD']),
  route('articleSummary', '/api/articles/{}/summary', ['GET', 'HEAD']),
  route('sentenceAnnotations', '/api/articles/{}/sentences/{}/annotations', ['GET', 'HEAD']),
  route('sentenceVerdict', '/api/articles/{}/sentences/{}/verdict', ['GET', 'HEAD', 'POST'], jsonWrite),
  route('articleWords', '/api/articles/{}/words/{}', ['GET', 'HEAD']),
  route('claimReviews', '/api/articles/{}/claims\\.jsonld', ['GET', 'HEAD']),
  route('articleExport', '/api/articles/{}/annotations/export', ['GET', 'HEAD']),
  route('articleEvents', '/api/articles/{}/events', ['GET', 'HEAD']),
  route('import', '/api/annotations/import', ['POST'], importBody),
  route('annotation', '/api/annotations/{}', ['GET', 'HEAD', 'PATCH', 'DELETE'], jsonWrite),
  route('replies', '/api/annotations/{}/replies', ['POST'], jsonWrite),
  route('flags', '/api/annotations/{}/flags', ['POST'], jsonWrite),
  route('moderation', '/api/annotations/{}/moderation', ['POST'], jsonWrite),
  route('support', '/api/annotations/{}/support', ['POST'], smallJson),
  route('decision', '/api/annotations/{}/decision', ['POST'], smallJson),
  route('acceptedSuggestions', '/api/articles/{}/suggestions/accepted\\.patch', ['GET', 'HEAD']),
  route('w3cContainer', '/api/w3c/{}', ['GET', 'HEAD', 'POST'], annotationBody),
  route('w3cAnnotation', '/api/w3c/{}/{}', ['GET', 'HEAD', 'PUT', 'DELETE'], annotationBody),
  route('reply', '/api/replies/{}', ['PATCH', 'DELETE'], jsonWrite),
  route('queue', '/api/moderation/queue', ['GET', 'HEAD']),
  route('myAnnotations', '/api/me/annotations', ['GET', 'HEAD']),
  route('myExport', '/api/me/annotations/export', ['GET', 'HEAD']),
  route('apiTokens', '/api/me/tokens', ['GET', 'HEAD', 'POST'], smallJson),
  route('apiToken', '/api/me/tokens/{}', ['DELETE'], smallJson),
  route('highlightNames', '/api/me/highlight-names', ['GET', 'HEAD', 'PUT'], smallJson),
  route('savedWords', '/api/me/words', ['GET', 'HEAD', 'POST'], smallJson),
  route('savedWordsExport', '/api/me/words/export', ['GET', 'HEAD']),
  route('dueWords', '/api/me/words/review', ['GET', 'HEAD']),
  route('savedWord', '/api/me/words/{}', ['DELETE'], smallJson),
  route('wordReview', '/api/me/words/{}/review', ['POST'], smallJson),
  route('session', '/api/session', ['GET', 'HEAD']),
  route('health', '/api/health', ['GET', 'HEAD']),
  { name: 'auth', pattern: /^\/api\/auth\/.+$/, methods: ['GET', 'HEAD', 'POST'], body: authBody },
];

/** Pages and files: read only. */
export const pageRule: RouteRule = { name: 'page', pattern: /^/, methods: ['GET', 'HEAD'] };

/** Any other /api path: Next answers 404 for the methods a route could have, and no body there may be large. */
const unknownApiRule: RouteRule = {
  name: 'unknown',
  pattern: /^\/api(\/|$)/,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  body: jsonWrite,
};

/** The rule for a path (no query string). OPTIONS is allowed wherever a route is (Next answers it with Allow). */
export function ruleFor(pathname: string): RouteRule {
  return apiRoutes.find((rule) => rule.pattern.test(pathname)) ?? (unknownApiRule.pattern.test(pathname) ? unknownApiRule : pageRule);
}

/** The body rule of a route that takes one (the strictest, for a path no rule names). */
export function bodyRuleFor(pathname: string): BodyRule {
  return ruleFor(pathname).body ?? jsonWrite;
}
