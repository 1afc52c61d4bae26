import 'server-only';
import { processWide } from '@/lib/process-wide';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { db, databaseProvider } from '@/lib/db';
import { authSecret } from './auth-secret';
import { RecentSessions } from './recent-sessions';

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
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
  user: {
    additionalFields: { role: { type: 'string', required: false, defaultValue: 'reader', input: false } },
  },
  // The session is also kept for a minute in a signed cookie, so most requests skip the session
  // query; signing out or expiry still takes effect within that minute.
  session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24, cookieCache: { enabled: true, maxAge: 60 } },
  // better-auth's limiter keys on X-Forwarded-For alone, which clients can forge, and keeps its
  // counters per instance; app/api/auth applies lib/rate-limit instead (per account as well as per
  // address, shared through PostgreSQL).
  rateLimit: { enabled: false },
  advanced: { useSecureCookies: (publicUrl ?? '').startsWith('https://') },
});

export type Viewer = { id: string; name: string; role: string };

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

/** The signed-in reader making a request, or null. */
export async function getViewer(headers: Headers): Promise<Viewer | null> {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  const known = recentSessions.get(cookie);
  if (known) return known;
  // A tampered cookie cache can make better-auth throw (e.g. a signature that is not base64): the
  // cache is only a shortcut, so the session token alone decides then (checked in the database).
  // A database that does not answer is not a signed-out reader: that error goes on.
  const session = await auth.api.getSession({ headers }).catch((error: unknown) => {
    if (isDatabaseError(error)) throw error;
    return auth.api.getSession({ headers: withoutCookieCache(headers) }).catch((retryError: unknown) => {
      if (isDatabaseError(retryError)) throw retryError;
      return null;
    });
  });
  if (!session) return null;
  const { id, name } = session.user;
  const viewer = { id, name, role: (session.user as { role?: string }).role ?? 'reader' };
  recentSessions.set(cookie, viewer);
  return viewer;
}

/** Signing out ends the session at once for this instance, not after the few seconds it is remembered. */
export function forgetSession(headers: Headers) {
  const cookie = headers.get('cookie');
  if (cookie) recentSessions.forget(cookie);
}
