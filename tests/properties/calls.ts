// One generated API call, as data (so fast-check can shrink and print it), and how it becomes a real
// `Request` handed to the route handler in-process.
import type { App } from './app';

export type RouteName =
  | 'list'
  | 'summary'
  | 'sentenceNotes'
  | 'mine'
  | 'getNote'
  | 'create'
  | 'patchNote'
  | 'deleteNote'
  | 'createReply'
  | 'patchReply'
  | 'deleteReply'
  | 'flag'
  | 'moderate'
  | 'support'
  | 'decide'
  | 'acceptedPatch'
  | 'verdict'
  | 'claimReviews'
  | 'words'
  | 'queue'
  | 'myNotes'
  | 'exportArticle'
  | 'exportMine'
  | 'import'
  | 'session'
  | 'colorNames'
  | 'renameColors'
  | 'health'
  | 'events'
  | 'w3cContainer'
  | 'w3cGet'
  | 'w3cCreate'
  | 'w3cReplace'
  | 'w3cDelete'
  | 'tokens'
  | 'createToken'
  | 'revokeToken'
  | 'savedWords'
  | 'saveWord'
  | 'deleteSavedWord'
  | 'wordsExport'
  | 'dueWords'
  | 'reviewWord';

type RouteInfo = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (slug: string, id: string) => string;
  /** Answers 401 to a caller who is not signed in. */
  signedIn: boolean;
  /** The `{id}` names an annotation (or a reply) whose author alone may use the route. */
  authorOnly?: 'note' | 'reply';
};

const enc = (value: string) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));

export const ROUTES: Record<RouteName, RouteInfo> = {
  list: { method: 'GET', path: (s) => `/api/articles/${enc(s)}/annotations`, signedIn: false },
  summary: { method: 'GET', path: (s) => `/api/articles/${enc(s)}/summary`, signedIn: false },
  sentenceNotes: { method: 'GET', path: (s, id) => `/api/articles/${enc(s)}/sentences/${enc(id)}/annotations`, signedIn: false },
  mine: { method: 'GET', path: (s) => `/api/articles/${enc(s)}/annotations/mine`, signedIn: true },
  getNote: { method: 'GET', path: (_, id) => `/api/annotations/${enc(id)}`, signedIn: false },
  create: { method: 'POST', path: (s) => `/api/articles/${enc(s)}/annotations`, signedIn: true },
  patchNote: { method: 'PATCH', path: (_, id) => `/api/annotations/${enc(id)}`, signedIn: true, authorOnly: 'note' },
  deleteNote: { method: 'DELETE', path: (_, id) => `/api/annotations/${enc(id)}`, signedIn: true, authorOnly: 'note' },
  createReply: { method: 'POST', path: (_, id) => `/api/annotations/${enc(id)}/replies`, signedIn: true },
  patchReply: { method: 'PATCH', path: (_, id) => `/api/replies/${enc(id)}`, signedIn: true, authorOnly: 'reply' },
  deleteReply: { method: 'DELETE', path: (_, id) => `/api/replies/${enc(id)}`, signedIn: true, authorOnly: 'reply' },
  flag: { method: 'POST', path: (_, id) => `/api/annotations/${enc(id)}/flags`, signedIn: true },
  moderate: { method: 'POST', path: (_, id) => `/api/annotations/${enc(id)}/moderation`, signedIn: true },
  support: { method: 'POST', path: (_, id) => `/api/annotations/${enc(id)}/support`, signedIn: true },
  decide: { method: 'POST', path: (_, id) => `/api/annotations/${enc(id)}/decision`, signedIn: true },
  acceptedPatch: { method: 'GET', path: (s) => `/api/articles/${enc(s)}/suggestions/accepted.patch`, signedIn: false },
  verdict: { method: 'POST', path: (s, id) => `/api/articles/${enc(s)}/sentences/${enc(id)}/verdict`, signedIn: true },
  claimReviews: { method: 'GET', path: (s) => `/api/articles/${enc(s)}/claims.jsonld`, signedIn: false },
  words: { method: 'GET', path: (s, id) => `/api/articles/${enc(s)}/words/${enc(id)}`, signedIn: false },
  queue: { method: 'GET', path: () => '/api/moderation/queue', signedIn: true },
  myNotes: { method: 'GET', path: () => '/api/me/annotations', signedIn: true },
  exportArticle: { method: 'GET', path: (s) => `/api/articles/${enc(s)}/annotations/export`, signedIn: false },
  exportMine: { method: 'GET', path: () => '/api/me/annotations/export', signedIn: true },
  import: { method: 'POST', path: () => '/api/annotations/import', signedIn: true },
  session: { method: 'GET', path: () => '/api/session', signedIn: false },
  colorNames: { method: 'GET', path: () => '/api/me/highlight-names', signedIn: true },
  renameColors: { method: 'PUT', path: () => '/api/me/highlight-names', signedIn: true },
  health: { method: 'GET', path: () => '/api/health', signedIn: false },
  events: { method: 'GET', path: (s) => `/api/articles/${enc(s)}/events`, signedIn: false },
  w3cContainer: { method: 'GET', path: (s) => `/api/w3c/${enc(s)}/`, signedIn: false },
  w3cGet: { method: 'GET', path: (s, id) => `/api/w3c/${enc(s)}/${enc(id)}`, signedIn: false },
  w3cCreate: { method: 'POST', path: (s) => `/api/w3c/${enc(s)}/`, signedIn: true },
  w3cReplace: { method: 'PUT', path: (s, id) => `/api/w3c/${enc(s)}/${enc(id)}`, signedIn: true },
  w3cDelete: { method: 'DELETE', path: (s, id) => `/api/w3c/${enc(s)}/${enc(id)}`, signedIn: true },
  tokens: { method: 'GET', path: () => '/api/me/tokens', signedIn: true },
  createToken: { method: 'POST', path: () => '/api/me/tokens', signedIn: true },
  revokeToken: { method: 'DELETE', path: (_, id) => `/api/me/tokens/${enc(id)}`, signedIn: true },
  savedWords: { method: 'GET', path: () => '/api/me/words', signedIn: true },
  saveWord: { method: 'POST', path: () => '/api/me/words', signedIn: true },
  deleteSavedWord: { method: 'DELETE', path: (_, id) => `/api/me/words/${enc(id)}`, signedIn: true },
  wordsExport: { method: 'GET', path: () => '/api/me/words/export', signedIn: true },
  dueWords: { method: 'GET', path: () => '/api/me/words/review', signedIn: true },
  reviewWord: { method: 'POST', path: (_, id) => `/api/me/words/${enc(id)}/review`, signedIn: true },
};

/** The routes of the W3C container, and those that manage API tokens (a session only, never a token). */
export const W3C_ROUTES: readonly RouteName[] = ['w3cContainer', 'w3cGet', 'w3cCreate', 'w3cReplace', 'w3cDelete'];
export const TOKEN_ROUTES: readonly RouteName[] = ['tokens', 'createToken', 'revokeToken'];

/** Who calls: nobody, one of the three readers (2 is the moderator), a made-up cookie, or a reader's cookie with its signatures broken. */
export type Caller =
  | { kind: 'anon' }
  | { kind: 'reader'; index: number }
  | { kind: 'forged'; cookie: string }
  | { kind: 'tampered'; index: number; mode: 'flip' | 'cache-signature'; at: number; junk: string }
  /** One of the reader's personal API tokens (made as the world is seeded), sent as `Authorization: Bearer`, no cookies. */
  | { kind: 'token'; index: number; scope: 'read' | 'write' }
  /** An Authorization header that is no token of anyone's. */
  | { kind: 'badToken'; header: string };

/** The Origin header: absent, this site's, or another origin's in the forms browsers and scripts send. */
export const SAME_ORIGINS = ['none', 'same', 'same-default-port'] as const;
export const CROSS_ORIGINS = ['evil', 'null', 'other-port', 'lookalike', 'malformed'] as const;
export type OriginKind = (typeof SAME_ORIGINS)[number] | (typeof CROSS_ORIGINS)[number];

const ORIGIN_HEADER: Record<OriginKind, string | null> = {
  none: null,
  same: 'http://localhost',
  'same-default-port': 'http://localhost:80',
  evil: 'http://evil.example',
  null: 'null',
  'other-port': 'http://localhost:3000',
  lookalike: 'http://localhost.evil.example',
  malformed: 'http//localhost',
};

export type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] }
  /** W3C PUT: the annotation as the caller reads it just before, with these fields changed (World.perform resolves it). */
  | { kind: 'current'; edits: Record<string, unknown> };

/** Shared notes with a thread are "threaded"; deleted ones with a thread left are placeholders. */
export type NoteState = 'private' | 'shared' | 'threaded' | 'hidden' | 'placeholder' | 'any';

/** The `{id}` of a route: a note or reply picked from the database as the call runs (by owner and state), or a forged one. */
export type IdRef =
  | { kind: 'note'; owner: 'self' | 'other' | 'any'; state: NoteState; pick: number }
  | { kind: 'reply'; owner: 'self' | 'other' | 'any'; pick: number }
  | { kind: 'gone'; pick: number }
  /** One of the world's API tokens, by the id the token list gives. */
  | { kind: 'token'; owner: 'self' | 'other'; pick: number }
  | { kind: 'raw'; value: string };

export type ApiCall = {
  route: RouteName;
  caller: Caller;
  slug: string;
  id: IdRef;
  /** The query string: `?format=` / `?status=` and junk. */
  query: [string, string][];
  body: BodySpec;
  contentType: string | null;
  origin: OriginKind;
  secFetchSite: string | null;
  /** W3C PUT and DELETE: `current` is the ETag the caller reads first; anything else is sent as it is. */
  ifMatch: string | null;
};

export const isWrite = (call: ApiCall) => ROUTES[call.route].method !== 'GET';

/**
 * A caller sending `Authorization: Bearer` with no token of ours: refused (401) wherever a reader is
 * asked for. Other schemes (Basic, an empty header) are not ours: the caller is simply signed out.
 */
export const isBadBearer = (call: ApiCall) => call.caller.kind === 'badToken' && /^\s*bearer(\s|$)/i.test(call.caller.header);

/**
 * A write the app must refuse as cross-origin (README: Origin or `Sec-Fetch-Site: cross-site` from
 * another site), when it carries cookies: a script's API token, without cookies, may write from anywhere.
 */
export const isCrossOrigin = (call: ApiCall) =>
  isWrite(call) &&
  call.caller.kind !== 'token' &&
  !isBadBearer(call) &&
  ((CROSS_ORIGINS as readonly string[]).includes(call.origin) || (call.origin === 'none' && call.secFetchSite === 'cross-site'));

/** The request body and its text (for telling which ids the caller sent). */
function encodeBody(body: BodySpec): { init: BodyInit | undefined; text: string } {
  switch (body.kind) {
    case 'none':
      return { init: undefined, text: '' };
    case 'json': {
      const text = JSON.stringify(body.value) ?? 'null';
      return { init: text, text };
    }
    case 'text':
      return { init: body.text, text: body.text };
    case 'bytes': {
      const bytes = Uint8Array.from(body.bytes);
      return { init: bytes, text: new TextDecoder().decode(bytes) };
    }
    case 'current': {
      const text = JSON.stringify(body.edits);
      return { init: text, text };
    }
  }
}

export type Prepared = { request: Request; url: string; requestText: string; abort: AbortController };

/** Builds the Request a browser or script would send for the call (Host is always this site's, as behind Next). */
export function buildRequest(call: ApiCall, id: string, cookie: string | null, extra: Record<string, string> = {}): Prepared {
  const route = ROUTES[call.route];
  const query = new URLSearchParams(call.query).toString();
  const url = `http://localhost${route.path(call.slug, id)}${query ? `?${query}` : ''}`;
  const headers = new Headers({ host: 'localhost' });
  if (cookie) headers.set('cookie', cookie);
  const origin = ORIGIN_HEADER[call.origin];
  if (origin !== null) headers.set('origin', origin);
  if (call.secFetchSite) headers.set('sec-fetch-site', call.secFetchSite);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const hasBody = route.method !== 'GET';
  const body = hasBody ? encodeBody(call.body) : { init: undefined, text: '' };
  if (hasBody && call.contentType !== null) headers.set('content-type', call.contentType);
  const abort = new AbortController();
  const request = new Request(url, { method: route.method, headers, body: body.init, signal: abort.signal });
  return { request, url, requestText: `${url}\n${body.text}`, abort };
}

/** Calls the route's handler as Next would: `(request, { params: Promise<...> })`. */
export function invoke(app: App, call: ApiCall, request: Request, slug: string, id: string): Promise<Response> {
  const r = app.routes;
  const bySlug = { params: Promise.resolve({ slug }) };
  const byId = { params: Promise.resolve({ id }) };
  switch (call.route) {
    case 'list':
      return r.articleAnnotations.GET(request, bySlug);
    case 'summary':
      return r.summary.GET(request, bySlug);
    case 'sentenceNotes':
      return r.sentenceNotes.GET(request, { params: Promise.resolve({ slug, sentenceId: id }) });
    case 'mine':
      return r.mine.GET(request, bySlug);
    case 'getNote':
      return r.annotation.GET(request, byId);
    case 'create':
      return r.articleAnnotations.POST(request, bySlug);
    case 'patchNote':
      return r.annotation.PATCH(request, byId);
    case 'deleteNote':
      return r.annotation.DELETE(request, byId);
    case 'createReply':
      return r.replies.POST(request, byId);
    case 'patchReply':
      return r.reply.PATCH(request, byId);
    case 'deleteReply':
      return r.reply.DELETE(request, byId);
    case 'flag':
      return r.flags.POST(request, byId);
    case 'moderate':
      return r.moderation.POST(request, byId);
    case 'support':
      return r.support.POST(request, byId);
    case 'decide':
      return r.decision.POST(request, byId);
    case 'acceptedPatch':
      return r.acceptedPatch.GET(request, bySlug);
    case 'verdict':
      return r.verdict.POST(request, { params: Promise.resolve({ slug, sentenceId: id }) });
    case 'claimReviews':
      return r.claimReviews.GET(request, bySlug);
    case 'words':
      return r.articleWords.GET(request, { params: Promise.resolve({ slug, block: id }) });
    case 'queue':
      return r.queue.GET(request);
    case 'myNotes':
      return r.myAnnotations.GET(request);
    case 'exportArticle':
      return r.articleExport.GET(request, bySlug);
    case 'exportMine':
      return r.myExport.GET(request);
    case 'import':
      return r.importRoute.POST(request);
    case 'session':
      return r.session.GET(request);
    case 'colorNames':
      return r.highlightNames.GET(request);
    case 'renameColors':
      return r.highlightNames.PUT(request);
    case 'health':
      return r.health.GET(request);
    case 'events':
      return r.articleEvents.GET(request, bySlug);
    case 'w3cContainer':
      return r.w3cContainer.GET(request, bySlug);
    case 'w3cCreate':
      return r.w3cContainer.POST(request, bySlug);
    case 'w3cGet':
      return r.w3cAnnotation.GET(request, { params: Promise.resolve({ slug, id }) });
    case 'w3cReplace':
      return r.w3cAnnotation.PUT(request, { params: Promise.resolve({ slug, id }) });
    case 'w3cDelete':
      return r.w3cAnnotation.DELETE(request, { params: Promise.resolve({ slug, id }) });
    case 'tokens':
      return r.tokens.GET(request);
    case 'createToken':
      return r.tokens.POST(request);
    case 'revokeToken':
      return r.token.DELETE(request, byId);
    case 'savedWords':
      return r.savedWords.GET(request);
    case 'saveWord':
      return r.savedWords.POST(request);
    case 'deleteSavedWord':
      return r.savedWord.DELETE(request, byId);
    case 'wordsExport':
      return r.savedWordsExport.GET(request);
    case 'dueWords':
      return r.dueWords.GET(request);
    case 'reviewWord':
      return r.wordReview.POST(request, byId);
  }
}

const clip = (value: string, max = 120) => (value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value);

/** A short, readable form of a call for fast-check's counterexample report (bodies can be 100 KB). */
export function describeCall(call: ApiCall): string {
  const caller =
    call.caller.kind === 'reader'
      ? `reader${call.caller.index}`
      : call.caller.kind === 'tampered'
        ? `tampered(reader${call.caller.index}, ${call.caller.mode === 'flip' ? `flip at ${call.caller.at}` : `cache signature ${clip(JSON.stringify(call.caller.junk), 40)}`})`
        : call.caller.kind === 'forged'
          ? `forged(${clip(JSON.stringify(call.caller.cookie), 40)})`
          : call.caller.kind === 'token'
            ? `token(reader${call.caller.index}, ${call.caller.scope})`
            : call.caller.kind === 'badToken'
              ? `badToken(${clip(JSON.stringify(call.caller.header), 40)})`
              : 'anon';
  const body =
    call.body.kind === 'json'
      ? clip(JSON.stringify(call.body.value) ?? 'undefined', 400)
      : call.body.kind === 'text'
        ? `text ${clip(JSON.stringify(call.body.text), 200)}`
        : call.body.kind === 'bytes'
          ? `bytes [${call.body.bytes.slice(0, 20).join(',')}]`
          : '-';
  return (
    `${call.route} ${ROUTES[call.route].method} as ${caller} slug=${clip(JSON.stringify(call.slug), 40)} id=${clip(JSON.stringify(call.id), 80)}` +
    ` query=${clip(JSON.stringify(call.query), 80)} type=${JSON.stringify(call.contentType)} origin=${call.origin}` +
    `${call.secFetchSite ? ` sec-fetch-site=${call.secFetchSite}` : ''}${call.ifMatch !== null ? ` if-match=${clip(JSON.stringify(call.ifMatch), 40)}` : ''} body=${body}`
  );
}
