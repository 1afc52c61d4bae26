import { toNextJsHandler } from 'better-auth/next-js';
import { auth, forgetSession } from '@/lib/auth/auth';
import { ApiError } from '@/lib/http/api-error';
import { errorResponse } from '@/lib/http/json-route';
import { clientAddress } from '@/lib/http/client-address';
import { limiter, limits, tooManyRequests } from '@/lib/rate-limit';

const handlers = toNextJsHandler(auth);

export const GET = handlers.GET;

/** The email a sign-in is for, if the body names one. */
async function emailOf(request: Request): Promise<string | undefined> {
  const body: unknown = await request.clone().json().catch(() => undefined);
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : undefined;
}

/** Email sign-in: limited per client address, and failures per account (whatever the client's headers). */
async function signIn(request: Request): Promise<Response> {
  const email = await emailOf(request);
  if (email) {
    const locked = await limiter.check(limits.signInFailures, email);
    if (locked > 0) throw tooManyRequests(locked, 'Too many failed sign-ins for this account.');
  }
  const wait = await limiter.consume(limits.signIns, clientAddress(request.headers));
  if (wait > 0) throw tooManyRequests(wait, 'Too many sign-in attempts from your network.');

  const response = await handlers.POST(request);
  if (email && response.status === 401) await limiter.record(limits.signInFailures, email);
  else if (email && response.ok) await limiter.reset(limits.signInFailures, email);
  return response;
}

/** Email sign-up: limited per client address and, as a backstop against forged addresses, overall. */
async function signUp(request: Request): Promise<Response> {
  const address = await limiter.consume(limits.signUps, clientAddress(request.headers));
  if (address > 0) throw tooManyRequests(address, 'Too many new accounts from your network.');
  const overall = await limiter.consume(limits.signUpsOverall, 'all');
  if (overall > 0) throw tooManyRequests(overall, 'Too many new accounts are being made right now.');
  return handlers.POST(request);
}

/** better-auth's endpoints, with sign-in and sign-up limited (its own limiter trusts X-Forwarded-For). */
export async function POST(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  try {
    if (path.endsWith('/sign-in/email')) return await signIn(request);
    if (path.endsWith('/sign-up/email')) return await signUp(request);
    if (path.endsWith('/sign-out')) forgetSession(request.headers);
    return await handlers.POST(request);
  } catch (error) {
    // better-auth's own shape ({ code, message }), so clients read every auth error the same way.
    if (error instanceof ApiError && error.status === 429)
      return Response.json({ code: 'TOO_MANY_REQUESTS', message: error.message }, { status: 429, headers: error.extra.headers });
    return errorResponse(error);
  }
}
