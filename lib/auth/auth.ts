import 'server-only';
import { createHash } from 'node:crypto';
import { processWide } from '@/lib/process-wide';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { db, databaseProvider } from '@/lib/db';
import { authSecret } from './auth-secret';
import { afterAuthEndpoint, beforeAuthEndpoint, userDatabaseHooks } from './auth-hooks';
import { RecentSessions } from './recent-sessions';
import { minPasswordLength } from '@/lib/account/password-strength';
import { methodsThatWrite } from '@/lib/http/methods';
import { bearerToken } from '@/lib/tokens/token-format';
import { tokenViewer, type TokenViewer } from './token-viewer';

const publicUrl = process.env.BETTER_AUTH_URL;

/**
 * Accounts: email and password, sessions in the database, httpOnly cookies. Without
 * BETTER_AUTH_URL the base URL follows the request (any port on localhost or 127.0.0.1), and
 * cookies are not marked Secure so signing in works over plain http on localhost; behind https,
 * set BETTER_AUTH_URL=https://… and cookies become Secure.
 */
export const auth = betterAuth({
  appName: 'Bilingual Reader',
  secret: authSecret(),
  baseURL: publicUrl ?? { allowedHosts: ['localhost:*', '127.0.0.1:*', 'localhost', '127.0.0.1'], fallback: 'http://localhost:3000' },
  database: prismaAdapter(db, { provider: databaseProvider }),
  emailAndPassword: { enabled: true, minPasswordLength, maxPasswordLength: 128, autoSignIn: true },
  user: {
    additionalFields: { role: { type: 'string', required: false, defaultValue: 'reader', input: false } },
  },
  // No signed cookie cache of the session: it would keep a signed-out session working for its whole
  // maxAge. Sessions are checked in the database, and remembered for 5 s per process (RecentSessions)
  // for reads only; writes check the database every time (getViewer).
  session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24, cookieCache: { enabled: false } },
  // Limits, display names, email lengths and password strength, whatever the request's encoding (auth-hooks.ts).
  hooks: { before: beforeAuthEndpoint, after: afterAuthEndpoint },
  databaseHooks: { user: userDatabaseHooks },
  // better-auth's limiter keys on X-Forwarded-For alone, which clients can forge, and keeps its
  // counters per instance; app/api/auth applies lib/rate-limit instead (per account as well as per
  // address, shared through PostgreSQL).
  rateLimit: { enabled: false },
  advanced: { useSecureCookies: (publicUrl ?? '').startsWith('https://') },
});

/** A signed-in reader; `token` when the request acts through a personal API token rather than a session. */
export type Viewer = { id: string; name: string; role: string; token?: TokenViewer['token'] };

// The process's: signing out (the auth route) must forget the session for every other route too.
const recentSessions = processWide('__readerRecentSessions', () => new RecentSessions<Viewer>());

/** The request's headers without better-auth's cookie cache (`…session_data`). */
function withoutCookieCache(headers: Headers): Headers {
  const copy = new Headers(headers);
  const kept = (headers.get('cookie') ?? '').split(/;\s*/).filter((pair) => !/^(__Secure-)?better-auth\.session_data=/.test(pair));
  copy.set('cookie', kept.join('; '));
  return copy;
}

function isDatabaseError(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return /Prisma|DriverAdapter/.test(String(name)) || /^(P\d{4}|E[A-Z]+)$/.test(String(code));
}

/**
 * The database error behind a failed session check, if that is what it was: better-auth wraps what
 * its adapter threw in an APIError (INTERNAL_SERVER_ERROR, FAILED_TO_GET_SESSION) with the original
 * as `cause`. A database that does not answer must reach the route as itself (503), not as a
 * signed-out reader (401).
 */
function databaseCause(error: unknown): unknown {
  for (let at = error, depth = 0; at && depth < 5; at = (at as { cause?: unknown }).cause, depth++) if (isDatabaseError(at)) return at;
  return undefined;
}

const rethrowDatabaseError = (error: unknown) => {
  const cause = databaseCause(error);
  if (cause) throw cause;
};

/**
 * The signed-in reader making a request, or null. A read may be answered from a session proved in
 * the last 5 s (RecentSessions); a write (`fresh`, or a request whose method writes) is always
 * checked in the database, so a session ended by signing out cannot write again, on any instance.
 */
export async function getViewer(headers: Headers, { fresh = false }: { fresh?: boolean } = {}): Promise<Viewer | null> {
  const cookie = cookieKey(headers);
  if (!cookie) return null;
  const known = fresh ? undefined : recentSessions.get(cookie);
  if (known) return known;
  // A tampered cookie (e.g. a signature that is not base64) can make better-auth throw: the reader
  // is then signed out. A database that does not answer is not a signed-out reader: that error goes on.
  const session = await auth.api.getSession({ headers }).catch((error: unknown) => {
    rethrowDatabaseError(error);
    return auth.api.getSession({ headers: withoutCookieCache(headers) }).catch((retryError: unknown) => {
      rethrowDatabaseError(retryError);
      return null;
    });
  });
  if (!session) {
    recentSessions.forget(cookie);
    return null;
  }
  const { id, name } = session.user;
  const viewer = { id, name, role: (session.user as { role?: string }).role ?? 'reader' };
  recentSessions.set(cookie, viewer);
  return viewer;
}

const viewersOfRequests = new WeakMap<Request, Promise<Viewer | null>>();

/**
 * The viewer of a request, looked up once per request (the write limit and the route both ask):
 * checked in the database when the request writes (see getViewer). A request with an
 * `Authorization` header is its API token's reader, or refused (token-viewer.ts); its cookies are
 * then not read.
 */
export function viewerOf(request: Request): Promise<Viewer | null> {
  let viewer = viewersOfRequests.get(request);
  if (!viewer) {
    const token = bearerToken(request.headers);
    viewer =
      token === undefined ? getViewer(request.headers, { fresh: methodsThatWrite.has(request.method) }) : tokenViewer(request, token);
    viewersOfRequests.set(request, viewer);
  }
  return viewer;
}

/** Signing out ends the session at once for this instance, not after the few seconds it is remembered. */
export function forgetSession(headers: Headers) {
  const cookie = cookieKey(headers);
  if (cookie) recentSessions.forget(cookie);
}

/**
 * What RecentSessions remembers a Cookie header by: its digest, not the header itself (up to 16 KB
 * of whatever a client adds, a thousand times over).
 */
function cookieKey(headers: Headers): string | null {
  const cookie = headers.get('cookie');
  return cookie ? createHash('sha256').update(cookie).digest('base64url') : null;
}
