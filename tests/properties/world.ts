// The readers, what the database holds for them (refreshed after every run, so generated calls can
// name real ids), and what must stay private: markers in private notes, and in notes a moderator hid.
import { randomBytes, randomUUID } from 'node:crypto';
import type { App } from './app';
import { validCreateBody, ARTICLE } from './bodies';
import { buildRequest, invoke, ROUTES, type ApiCall, type Caller, type IdRef } from './calls';

export const PASSWORD = 'correct horse battery';
export const MODERATOR = 2;

export type Reader = { index: number; id: string; name: string; email: string; cookie: string };

type NoteEntry = { id: string; author: number | null; visibility: string; hidden: boolean; deleted: boolean; replies: number };
type ReplyEntry = { id: string; author: number | null };

/** A private note's content as its author left it; anyone else's request must not change it or see its markers. */
export type TrackedNote = { id: string; author: number; body: string; tags: string[]; markers: string[] };

/** Text only `holders` may receive: a hidden note's marker (its author and the moderators). */
type HiddenSecret = { noteId: string; marker: string; holders: number[] };

export type Outcome = {
  call: ApiCall;
  url: string;
  requestText: string;
  /** The reader the call is signed in as (null: signed out, forged or broken cookie). */
  identity: number | null;
  cookie: string | null;
  id: string;
  /** What `id` was when the call was made, when it named a known note or reply. */
  target: { note?: NoteEntry; reply?: ReplyEntry };
  status: number;
  contentType: string;
  /** The Link header (the W3C routes must always send one). */
  headersLink?: string;
  text: string;
};

const sqlOrder = <T extends { createdAt: Date; id: string }>(a: T, b: T) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** Signs a reader up through the real auth route handler and keeps the session cookies as a Cookie header. */
export async function signUp(app: App, index: number, name: string): Promise<Reader> {
  const email = `${randomUUID()}@example.test`;
  const response = await app.routes.auth.POST(
    new Request('http://localhost/api/auth/sign-up/email', {
      method: 'POST',
      headers: { host: 'localhost', origin: 'http://localhost', 'content-type': 'application/json' },
      body: JSON.stringify({ name, email, password: PASSWORD }),
    }),
  );
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${text}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  if (!cookie.includes('session_token=')) throw new Error(`sign-up set no session cookie: ${response.headers.getSetCookie().join(' | ')}`);
  return { index, id: (JSON.parse(text) as { user: { id: string } }).user.id, name, email, cookie };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Changes one character of every cookie value so that the bytes it encodes change (its value XOR 32
 * in base64; swapping A for B would only touch the padding bits of a signature's last character,
 * which decoders ignore: the same signature, so no forgery). Other characters become "A".
 */
function flipOne(value: string, at: number): string {
  if (!value.length) return 'A';
  const i = at % value.length;
  const url = value[i] === '-' ? 62 : value[i] === '_' ? 63 : -1;
  const index = url >= 0 ? url : BASE64.indexOf(value[i]);
  const replacement = index >= 0 ? BASE64[index ^ 32] : 'A';
  return `${value.slice(0, i)}${replacement}${value.slice(i + 1)}`;
}

/** A reader's cookies with their signatures broken (`flip`), or a valid session token beside a cookie cache whose signature is junk. */
function tamper(cookie: string, caller: Extract<Caller, { kind: 'tampered' }>): string {
  const pairs = cookie.split('; ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
  if (caller.mode === 'flip') return pairs.map(([name, value]) => `${name}=${flipOne(value, caller.at)}`).join('; ');
  return pairs
    .map(([name, value]) => {
      if (!name.endsWith('session_data')) return `${name}=${value}`;
      const data = JSON.parse(Buffer.from(value, 'base64url').toString()) as Record<string, unknown>;
      return `${name}=${Buffer.from(JSON.stringify({ ...data, signature: caller.junk })).toString('base64url')}`;
    })
    .join('; ');
}

/** A personal API token the world made for a reader (revoked by a generated call, made again by topUp). */
type WorldToken = { id: string; token: string; owner: number; scope: 'read' | 'write'; revoked: boolean };

export class World {
  readers: Reader[] = [];
  tokens: WorldToken[] = [];
  notes: NoteEntry[] = [];
  replies: ReplyEntry[] = [];
  /** Ids of notes and replies that existed once and are gone. */
  gone: string[] = [];
  tracked = new Map<string, TrackedNote>();
  hiddenSecrets: HiddenSecret[] = [];
  requests = 0;
  /** How often each route answered each status: shows the generators reach past the first check. */
  statuses = new Map<string, Map<number, number>>();
  /** Failures already reported, so a bad row fails the run that made it, not every run after it. */
  reported = new Set<string>();

  constructor(readonly app: App) {}

  readerIndex(userId: string): number | null {
    const index = this.readers.findIndex((r) => r.id === userId);
    return index < 0 ? null : index;
  }

  /** Reloads the notes and replies (kept in the order they were made, so a pick names the same row on a replay). */
  async refresh() {
    const { db } = this.app;
    const [notes, replies] = await Promise.all([
      db.annotation.findMany({ select: { id: true, authorId: true, visibility: true, hiddenAt: true, deletedAt: true, createdAt: true } }),
      db.reply.findMany({ select: { id: true, authorId: true, annotationId: true, createdAt: true } }),
    ]);
    const threads = new Map<string, number>();
    for (const reply of replies) threads.set(reply.annotationId, (threads.get(reply.annotationId) ?? 0) + 1);
    const now = new Set([...notes.map((n) => n.id), ...replies.map((r) => r.id)]);
    for (const old of [...this.notes, ...this.replies]) if (!now.has(old.id) && !this.gone.includes(old.id)) this.gone.push(old.id);
    this.notes = notes.sort(sqlOrder).map((n) => ({
      id: n.id,
      author: this.readerIndex(n.authorId),
      visibility: n.visibility,
      hidden: n.hiddenAt !== null,
      deleted: n.deletedAt !== null,
      replies: threads.get(n.id) ?? 0,
    }));
    this.replies = replies.sort(sqlOrder).map((r) => ({ id: r.id, author: this.readerIndex(r.authorId) }));
  }

  /** Who the call is signed in as: a broken cookie cache beside a valid session token still names its reader. */
  identity(caller: Caller): number | null {
    if (caller.kind === 'reader' || (caller.kind === 'tampered' && caller.mode === 'cache-signature')) return caller.index;
    if (caller.kind === 'token') return this.tokenOf(caller)?.revoked === false ? caller.index : null;
    return null;
  }

  tokenOf(caller: Extract<Caller, { kind: 'token' }>): WorldToken | undefined {
    return this.tokens.find((t) => t.owner === caller.index && t.scope === caller.scope);
  }

  /** The Authorization header a caller sends, if any. */
  authorization(caller: Caller): string | null {
    if (caller.kind === 'badToken') return caller.header;
    if (caller.kind === 'token') return `Bearer ${this.tokenOf(caller)?.token ?? 'rdr_missing'}`;
    return null;
  }

  /** Two tokens a reader (read and write), made as a reader would and remembered by their secrets. */
  async makeTokens(index: number) {
    for (const scope of ['read', 'write'] as const) {
      if (this.tokens.some((t) => t.owner === index && t.scope === scope && !t.revoked)) continue;
      // Generated calls may have filled the reader's 20 tokens: make room, keeping the world's own.
      const userId = this.readers[index].id;
      const kept = this.tokens.filter((t) => !t.revoked).map((t) => t.id);
      if ((await this.app.db.apiToken.count({ where: { userId } })) >= 19)
        await this.app.db.apiToken.deleteMany({ where: { userId, id: { notIn: kept } } });
      const made = await this.app.tokenService.createToken(
        this.readers[index].id,
        { name: `world ${scope}`, scope, password: PASSWORD },
        async () => {},
      );
      this.tokens = [
        ...this.tokens.filter((t) => !(t.owner === index && t.scope === scope)),
        { id: made.id, token: made.token, owner: index, scope, revoked: false },
      ];
    }
  }

  cookie(caller: Caller): string | null {
    switch (caller.kind) {
      case 'anon':
        return null;
      case 'reader':
        return this.readers[caller.index].cookie;
      case 'tampered':
        return tamper(this.readers[caller.index].cookie, caller);
      case 'forged':
        return caller.cookie;
      case 'token':
      case 'badToken':
        return null;
    }
  }

  /** The id a call names: a row of the wanted owner and state when there is one, else a random UUID. */
  resolve(ref: IdRef, identity: number | null): { id: string; note?: NoteEntry; reply?: ReplyEntry } {
    const ownerOk = (author: number | null, owner: 'self' | 'other' | 'any') =>
      owner === 'any' || (identity === null ? owner === 'other' : owner === 'self' ? author === identity : author !== identity);
    if (ref.kind === 'raw') return { id: ref.value, ...this.known(ref.value) };
    if (ref.kind === 'gone') return this.gone.length ? { id: this.gone[ref.pick % this.gone.length] } : { id: randomUUID() };
    if (ref.kind === 'token') {
      const pool = this.tokens.filter((t) => (ref.owner === 'self') === (t.owner === identity));
      return pool.length ? { id: pool[ref.pick % pool.length].id } : { id: randomUUID() };
    }
    if (ref.kind === 'reply') {
      const pool = this.replies.filter((r) => ownerOk(r.author, ref.owner));
      const reply = pool.length ? pool[ref.pick % pool.length] : undefined;
      return reply ? { id: reply.id, reply } : { id: randomUUID() };
    }
    const stateOk = (n: NoteEntry) =>
      ref.state === 'any' ||
      (ref.state === 'private' && n.visibility === 'private' && !n.deleted) ||
      (ref.state === 'shared' && n.visibility === 'shared' && !n.hidden && !n.deleted) ||
      (ref.state === 'threaded' && n.visibility === 'shared' && !n.deleted && n.replies > 0) ||
      (ref.state === 'hidden' && n.hidden) ||
      (ref.state === 'placeholder' && n.deleted);
    const pool = this.notes.filter((n) => ownerOk(n.author, ref.owner) && stateOk(n));
    const note = pool.length ? pool[ref.pick % pool.length] : undefined;
    return note ? { id: note.id, note } : { id: randomUUID() };
  }

  private known(id: string) {
    const note = this.notes.find((n) => n.id === id);
    const reply = this.replies.find((r) => r.id === id);
    return { ...(note && { note }), ...(reply && { reply }) };
  }

  /** Sends the call to its route handler and reads the whole answer (the events stream: its status only). */
  async perform(generated: ApiCall): Promise<Outcome> {
    let call = generated;
    const identity = this.identity(call.caller);
    const { id, note, reply } = this.resolve(call.id, identity);
    const cookie = this.cookie(call.caller);
    const extra: Record<string, string> = {};
    const authorization = this.authorization(call.caller);
    // Header values are bytes: what a client could send of a generated string.
    const header = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?').trim();
    if (authorization !== null) extra.authorization = header(authorization);
    if (call.ifMatch !== null)
      extra['if-match'] = call.ifMatch === 'current' ? await this.currentTag(call, id, cookie, extra) : header(call.ifMatch);
    if (call.body.kind === 'current')
      call = { ...call, body: { kind: 'json', value: await this.edited(call, id, cookie, extra, call.body.edits) } };
    const prepared = buildRequest(call, id, cookie, extra);
    this.requests++;
    const sent = { call, url: prepared.url, requestText: prepared.requestText, identity, cookie, id, target: { note, reply } };
    let response: Response;
    try {
      response = await invoke(this.app, call, prepared.request, call.slug, id);
    } catch (error) {
      // jsonRoute turns every error into an answer; one escaping it is a 500 from Next.
      return {
        ...sent,
        status: 500,
        contentType: '',
        text: `handler threw: ${(error as Error)?.stack ?? String(error)}`,
      };
    }
    const counts = this.statuses.get(call.route) ?? new Map<number, number>();
    this.statuses.set(call.route, counts.set(response.status, (counts.get(response.status) ?? 0) + 1));
    let text = '';
    if (call.route === 'events' && response.status === 200) {
      prepared.abort.abort();
      await response.body?.cancel().catch(() => {});
    } else {
      text = await response.text();
    }
    return {
      ...sent,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      headersLink: response.headers.get('link') ?? '',
      text,
    };
  }

  /** The ETag the caller reads for the annotation (GET through the container), or "none" when it cannot read it. */
  private async currentTag(call: ApiCall, id: string, cookie: string | null, extra: Record<string, string>): Promise<string> {
    const read: ApiCall = { ...call, route: 'w3cGet', body: { kind: 'none' }, ifMatch: null, query: [] };
    const prepared = buildRequest(read, id, cookie, extra);
    const response = await invoke(this.app, read, prepared.request, call.slug, id);
    await response.text();
    return response.headers.get('etag') ?? '"none"';
  }

  /** The annotation as the caller reads it through the container, with `edits` applied (just `edits` when it cannot read it). */
  private async edited(call: ApiCall, id: string, cookie: string | null, extra: Record<string, string>, edits: Record<string, unknown>) {
    const read: ApiCall = { ...call, route: 'w3cGet', body: { kind: 'none' }, ifMatch: null, query: [] };
    const { authorization } = extra;
    const response = await invoke(
      this.app,
      read,
      buildRequest(read, id, cookie, authorization ? { authorization } : {}).request,
      call.slug,
      id,
    );
    const text = await response.text();
    return response.status === 200 ? { ...(JSON.parse(text) as Record<string, unknown>), ...edits } : edits;
  }

  /** `route: status×count ...`, one line per route. */
  statusReport(): string {
    return [...this.statuses]
      .map(
        ([route, counts]) =>
          `  ${route.padEnd(14)} ${[...counts]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')}`,
      )
      .join('\n');
  }

  /** Markers the caller must never receive. */
  secretsFor(identity: number | null): { marker: string; noteId: string }[] {
    const secrets: { marker: string; noteId: string }[] = [];
    for (const note of this.tracked.values())
      if (note.author !== identity) for (const marker of note.markers) secrets.push({ marker, noteId: note.id });
    for (const secret of this.hiddenSecrets)
      if (identity === null || !secret.holders.includes(identity)) secrets.push({ marker: secret.marker, noteId: secret.noteId });
    return secrets;
  }

  /** Follows the changes a note's author (or a moderator) may make: what was private can become public. */
  observe(outcome: Outcome) {
    const { call, identity, id, status } = outcome;
    const tracked = this.tracked.get(id);
    if (tracked && identity === tracked.author && status === 200 && call.route === 'patchNote') {
      const note = JSON.parse(outcome.text) as { body: string; tags: string[]; visibility: string };
      if (note.visibility !== 'private') this.tracked.delete(id);
      else this.tracked.set(id, { ...tracked, body: note.body, tags: note.tags });
    }
    if (tracked && identity === tracked.author && status === 204 && call.route === 'deleteNote') this.tracked.delete(id);
    // Through the W3C container its author may share, edit or delete it: no longer tracked as it was.
    if (tracked && identity === tracked.author && status < 300 && (call.route === 'w3cReplace' || call.route === 'w3cDelete'))
      this.tracked.delete(id);
    if (call.route === 'revokeToken' && status === 204) for (const token of this.tokens) if (token.id === id) token.revoked = true;
    if (call.route === 'moderate' && status === 200 && (JSON.parse(outcome.text) as { hidden: unknown }).hidden === null)
      this.hiddenSecrets = this.hiddenSecrets.filter((s) => s.noteId !== id);
  }

  /** A reader's request through the route handler, for seeding: fails loudly when it is refused. */
  async send(index: number, route: ApiCall['route'], id: string, body: unknown): Promise<{ id: string } & Record<string, unknown>> {
    const call: ApiCall = {
      route,
      caller: { kind: 'reader', index },
      slug: ARTICLE,
      id: { kind: 'raw', value: id },
      query: [],
      body: { kind: 'json', value: body },
      contentType: 'application/json',
      origin: 'same',
      secFetchSite: null,
      ifMatch: null,
    };
    const outcome = await this.perform(call);
    if (outcome.status >= 300) throw new Error(`seeding ${ROUTES[route].method} ${outcome.url} failed: ${outcome.status} ${outcome.text}`);
    return JSON.parse(outcome.text);
  }

  /** A private note with unique markers in its body and tags, through the create route. */
  async addPrivateNote(index: number, n: number) {
    const marker = `pvt${index}m${randomBytes(8).toString('hex')}`;
    const tagMarker = `pvt${index}t${randomBytes(8).toString('hex')}`;
    const body = `Private thought ${n}: ${marker}`;
    const note = await this.send(
      index,
      'create',
      '',
      validCreateBody(n % 2 ? 'en' : 'zh', 97 * n + 31 * index, 24, { body, tags: [tagMarker], visibility: 'private' }),
    );
    this.tracked.set(note.id, { id: note.id, author: index, body, tags: [tagMarker], markers: [marker, tagMarker] });
  }

  /**
   * Three readers, reader 2 promoted to moderator in the database; each with private notes (markers),
   * shared notes of every kind with replies from the others, a flag, and a shared note a moderator hid.
   */
  async seed() {
    for (const [index, name] of ['Ada', '王波', 'Zhou Min'].entries()) this.readers.push(await signUp(this.app, index, name));
    await this.app.db.user.update({ where: { id: this.readers[MODERATOR].id }, data: { role: 'moderator' } });
    const shared: string[][] = [[], [], []];
    for (const reader of this.readers) {
      const i = reader.index;
      for (let n = 0; n < 3; n++) await this.addPrivateNote(i, n);
      const kinds = [{ kind: 'claim', verdict: 'disputed', sourceUrl: 'https://example.com/r' }, { kind: 'question' }, { kind: 'comment' }];
      for (const [n, fields] of kinds.entries()) {
        const note = await this.send(
          i,
          'create',
          '',
          validCreateBody(n % 2 ? 'zh' : 'en', 211 * n + 53 * i + 400, 30, {
            ...fields,
            body: `Shared ${n} by ${reader.name}`,
            visibility: 'shared',
          }),
        );
        shared[i].push(note.id);
      }
      const marker = `hid${i}m${randomBytes(8).toString('hex')}`;
      const hidden = await this.send(
        i,
        'create',
        '',
        validCreateBody('en', 1300 + 71 * i, 20, { body: `Hidden: ${marker}`, visibility: 'shared' }),
      );
      await this.send(MODERATOR, 'moderate', hidden.id, { action: 'hide', reason: 'Off topic' });
      this.hiddenSecrets.push({ noteId: hidden.id, marker, holders: [i, MODERATOR] });
    }
    for (const reader of this.readers)
      for (const other of this.readers.filter((r) => r !== reader))
        for (const [n, noteId] of shared[other.index].entries())
          await this.send(reader.index, 'createReply', noteId, {
            body: `Reply from ${reader.name}`,
            ...(n === 0 && { verdict: 'supported' }),
          });
    await this.send(0, 'flag', shared[1][2], { reason: 'Off topic here' });
    for (const reader of this.readers) await this.makeTokens(reader.index);
    await this.refresh();
  }

  /** Keeps two private notes per reader, so later runs still have others' private ids and markers to try. */
  async topUp() {
    for (const reader of this.readers) {
      const count = [...this.tracked.values()].filter((t) => t.author === reader.index).length;
      for (let n = count; n < 2; n++) await this.addPrivateNote(reader.index, this.requests + n);
      await this.makeTokens(reader.index);
    }
    await this.refresh();
  }
}
