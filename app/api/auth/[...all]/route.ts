import { toNextJsHandler } from 'better-auth/next-js';
import { auth, forgetSession } from '@/lib/auth/auth';
import { createSignInLimiter } from '@/lib/auth/sign-in-limiter';

const handlers = toNextJsHandler(auth);
const signInLimiter = createSignInLimiter();

export const GET = handlers.GET;

/** better-auth's endpoints, with failed email sign-ins limited per account (whatever the client's headers). */
export async function POST(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path.endsWith('/sign-out')) forgetSession(request.headers);
  if (!path.endsWith('/sign-in/email')) return handlers.POST(request);

  const email = await request
    .clone()
    .json()
    .then((body: { email?: unknown }) => (typeof body?.email === 'string' ? body.email : undefined))
    .catch(() => undefined);
  if (!email) return handlers.POST(request);

  const wait = signInLimiter.retryAfter(email);
  if (wait > 0) {
    return Response.json(
      { code: 'TOO_MANY_ATTEMPTS', message: `Too many failed sign-ins for this account. Try again in ${wait} seconds.` },
      { status: 429, headers: { 'Retry-After': String(wait) } },
    );
  }
  const response = await handlers.POST(request);
  if (response.status === 401) signInLimiter.recordFailure(email);
  else if (response.ok) signInLimiter.recordSuccess(email);
  return response;
}
