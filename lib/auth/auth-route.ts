import 'server-only';
import { toNextJsHandler } from 'better-auth/next-js';
import { ApiError } from '@/lib/http/api-error';
import { errorResponse } from '@/lib/http/json-route';
import { jsonShapeProblem } from '@/lib/http/parse-json';
import { assertBodyType, discardUnreadBody, mediaTypeOf, readBodyBytes } from '@/lib/http/read-body';
import { bodyRuleFor } from '@/lib/http/route-table';
import { requestIdOf } from '@/lib/http/request-log';
import { auth, forgetSession } from './auth';

const handlers = toNextJsHandler(auth);

/**
 * The better-auth endpoints this site uses. Every other one (password reset by email, social
 * sign-in, account deletion, password checks…) answers 404: none of our pages call them, and each
 * is one more way in. Limits on the ones served live in better-auth's hooks (auth-hooks.ts).
 */
const served: Record<string, readonly string[]> = {
  GET: ['/get-session', '/list-sessions', '/ok'],
  POST: [
    '/sign-up/email',
    '/sign-in/email',
    '/sign-out',
    '/get-session',
    '/update-user',
    '/revoke-session',
    '/revoke-sessions',
    '/revoke-other-sessions',
  ],
};

function endpointOf(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/api\/auth/, '');
}

/**
 * A body better-auth may parse: within the route's limits (lib/http/route-table.ts) as it streams,
 * of a type we take, and for JSON, neither nested nor numerous beyond them. better-auth parses the
 * copy handed on; the original stream is never given to it.
 */
async function boundedRequest(request: Request): Promise<Request> {
  const rule = bodyRuleFor(new URL(request.url).pathname);
  const declared = request.headers.get('content-length');
  if (!request.body || declared === '0') return new Request(request.url, { method: request.method, headers: request.headers });
  assertBodyType(request, rule);
  const bytes = await readBodyBytes(request, rule.maxBytes);
  if (mediaTypeOf(request.headers.get('content-type')) === 'application/json') {
    const problem = jsonShapeProblem(new TextDecoder().decode(bytes), rule);
    if (problem) throw new ApiError(400, `The request body is refused: ${problem}.`);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: bytes as Uint8Array<ArrayBuffer> });
}

/** better-auth's answer shape for our own refusals ({ code, message }), so clients read every auth error alike. */
function authError(error: unknown, request: Request): Response {
  if (error instanceof ApiError) {
    const code =
      { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' }[error.status] ?? 'BAD_REQUEST';
    return Response.json({ code, message: error.message }, { status: error.status, headers: error.extra.headers });
  }
  return errorResponse(error, requestIdOf(request));
}

async function serve(request: Request, handler: (request: Request) => Promise<Response>): Promise<Response> {
  try {
    const endpoint = endpointOf(request);
    if (!served[request.method]?.includes(endpoint)) throw new ApiError(404, 'No such account endpoint.');
    const bounded = await boundedRequest(request);
    if (endpoint === '/sign-out') forgetSession(request.headers);
    return await handler(bounded);
  } catch (error) {
    await discardUnreadBody(request);
    return authError(error, request);
  }
}

export const authRoute = {
  GET: (request: Request) => serve(request, handlers.GET),
  POST: (request: Request) => serve(request, handlers.POST),
};
