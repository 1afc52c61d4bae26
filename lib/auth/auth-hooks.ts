import 'server-only';
import { createHash } from 'node:crypto';
import type { BetterAuthOptions } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { checkDisplayName, displayNameMessages } from '@/lib/account/display-name';
import { isReservedName, nameSkeleton } from '@/lib/account/name-skeleton';
import { minPasswordLength, passwordWeakness, passwordWeaknessMessages } from '@/lib/account/password-strength';
import { db } from '@/lib/db';
import { clientAddressKey } from '@/lib/http/client-address';
import { limiter, limits } from '@/lib/rate-limit';

// Checks better-auth runs on every request it serves, whatever the body's encoding (JSON, form):
// they see the body exactly as better-auth parsed it, and the endpoint by its own path, so no
// spelling of the URL or the body gets past them.

export const maxEmailLength = 254;

/** The 429 answer, in better-auth's shape, with what to wait for (`reason` lets the forms say it in the reader's language). */
function tooManyRequests(
  wait: number,
  reason: 'accountLocked' | 'signInsFromAddress' | 'signUpsFromAddress' | 'signUpsOverall',
  what: string,
) {
  const unit = wait === 1 ? 'second' : 'seconds';
  return new APIError(
    'TOO_MANY_REQUESTS',
    { code: 'TOO_MANY_REQUESTS', reason, message: `${what} Try again in ${wait} ${unit}.` },
    { 'Retry-After': String(wait) },
  );
}

const headersOf = (ctx: { headers?: Headers; request?: Request }) => ctx.headers ?? ctx.request?.headers ?? new Headers();
const bodyOf = (ctx: { body?: unknown }) =>
  typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as Record<string, unknown>) : {};

/**
 * Sign-in: attempts per client address, then the account's failures, counted before the password is
 * checked, in one atomic step of the store (a success clears them afterwards): 40 guesses sent at
 * once get exactly the limit's worth of answers; the rest wait.
 */
async function limitSignIn(headers: Headers, email: unknown) {
  const address = await limiter.consume(limits.signIns, clientAddressKey(headers));
  if (address > 0) throw tooManyRequests(address, 'signInsFromAddress', 'Too many sign-in attempts from your network.');
  // No account has an email over 254 characters (sign-up refuses them): nothing to protect, and
  // nothing of an attacker's choosing (8 KB "emails") is kept. Every other string counts, even one
  // better-auth will refuse as malformed: a second opinion on what is an email could only miss one.
  const account = accountKey(email);
  if (!account) return;
  const wait = await limiter.consume(limits.signInFailures, account);
  if (wait > 0) throw tooManyRequests(wait, 'accountLocked', 'Too many failed sign-ins for this account.');
}

/** The key an account's sign-in failures count under: a digest of the email as better-auth looks it up (lower case). */
export function accountKey(email: unknown): string | null {
  if (typeof email !== 'string' || email.length > maxEmailLength) return null;
  return createHash('sha256').update(email.toLowerCase()).digest('base64url');
}

/** Sign-up: per client address and, as a backstop, across the deployment. */
async function limitSignUp(headers: Headers) {
  const address = await limiter.consume(limits.signUps, clientAddressKey(headers));
  if (address > 0) throw tooManyRequests(address, 'signUpsFromAddress', 'Too many new accounts from your network.');
  const overall = await limiter.consume(limits.signUpsOverall, 'all');
  if (overall > 0) throw tooManyRequests(overall, 'signUpsOverall', 'Too many new accounts are being made right now.');
}

function checkEmail(email: unknown) {
  if (typeof email === 'string' && email.length > maxEmailLength)
    throw new APIError('BAD_REQUEST', { code: 'INVALID_EMAIL', message: `An email address has at most ${maxEmailLength} characters.` });
}

/** A new password (sign-up, change, reset) that zxcvbn rates easy to guess is refused, saying why. */
async function checkNewPassword(password: unknown, userInputs: unknown[]) {
  if (typeof password !== 'string' || password.length < minPasswordLength) return; // better-auth answers PASSWORD_TOO_SHORT
  const reason = await passwordWeakness(
    password,
    userInputs.filter((input): input is string => typeof input === 'string'),
  );
  if (reason) throw new APIError('BAD_REQUEST', { code: 'PASSWORD_TOO_WEAK', reason, message: passwordWeaknessMessages[reason] });
}

export const beforeAuthEndpoint = createAuthMiddleware(async (ctx) => {
  const headers = headersOf(ctx);
  const body = bodyOf(ctx);
  switch (ctx.path) {
    case '/sign-in/email':
      return limitSignIn(headers, body.email);
    case '/sign-up/email':
      await limitSignUp(headers);
      checkEmail(body.email);
      return checkNewPassword(body.password, [body.name, body.email]);
    case '/update-user':
      if (body.image !== undefined && body.image !== null)
        throw new APIError('BAD_REQUEST', { code: 'INVALID_IMAGE', message: 'Profile pictures are not supported; leave image out.' });
      return;
    case '/change-password':
    case '/reset-password':
    case '/set-password':
      return checkNewPassword(body.newPassword, []);
  }
});

export const afterAuthEndpoint = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== '/sign-in/email') return;
  const account = accountKey(bodyOf(ctx).email);
  const returned = ctx.context.returned;
  const failed = returned instanceof APIError || (returned instanceof Response && !returned.ok);
  // A success clears the account's count; a failure stays counted (it was counted before the check).
  if (!failed && account) await limiter.reset(limits.signInFailures, account);
});

/** Whether a (new) name reads as the name of a moderator other than `userId`. */
async function copiesModerator(name: string, userId: string | undefined): Promise<boolean> {
  const skeleton = nameSkeleton(name);
  const moderators = await db.user.findMany({ where: { role: 'moderator' }, select: { id: true, name: true }, take: 1000 });
  return moderators.some((moderator) => moderator.id !== userId && nameSkeleton(moderator.name) === skeleton);
}

/** The display name as stored, or a 400 saying what is wrong with it. */
async function storedName(raw: unknown, userId?: string): Promise<string> {
  const checked = checkDisplayName(raw);
  if ('problem' in checked)
    throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', reason: checked.problem, message: displayNameMessages[checked.problem] });
  if (isReservedName(checked.name))
    throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', reason: 'reserved', message: displayNameMessages.reserved });
  if (await copiesModerator(checked.name, userId))
    throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', reason: 'moderator', message: displayNameMessages.moderator });
  return checked.name;
}

/**
 * The last word on every user row better-auth writes, by any endpoint: a display name within the
 * limits (lib/account/display-name.ts), an email of at most 254 characters, no profile picture.
 */
export const userDatabaseHooks = {
  create: {
    before: async (user) => {
      checkEmail(user.email);
      return { data: { ...user, name: await storedName(user.name), image: null } };
    },
  },
  update: {
    before: async (user, context) => {
      checkEmail(user.email);
      if (user.name === undefined) return { data: user };
      const id = typeof user.id === 'string' ? user.id : context?.context.session?.user.id;
      return { data: { ...user, name: await storedName(user.name, id) } };
    },
  },
} satisfies NonNullable<NonNullable<BetterAuthOptions['databaseHooks']>['user']>;
