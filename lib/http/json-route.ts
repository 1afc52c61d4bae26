import { Refused } from '@/lib/errors/refusal';
import { ApiError, refusalStatus } from './api-error';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { limitWrites } from '@/lib/rate-limit/writes';
import { methodsThatWrite } from './methods';
import { isCrossOrigin, sendsAuthorization, sendsCookies } from './origin';
import { logRequest, requestIdOf } from './request-log';
import { parseJsonText } from './parse-json';
import { discardUnreadBody, readBodyText } from './read-body';
import { bodyRuleFor } from './route-table';

/**
 * Refuses state-changing requests from another origin. Browsers send Origin on every cross-origin
 * write and Sec-Fetch-Site on modern ones; requests without either (curl, scripts) are not from a
 * browser page and so cannot be forged by one. Writes must also be JSON, which a cross-site form
 * cannot send without a preflight. A request with an API token and no cookies may come from
 * anywhere: a page can only send a token it holds (lib/auth/token-viewer.ts refuses a token beside
 * cookies from another site).
 */
export function assertSameOrigin(request: Request) {
  if (!methodsThatWrite.has(request.method)) return;
  if (sendsAuthorization(request) && !sendsCookies(request)) return;
  if (isCrossOrigin(request)) throw new ApiError(403, 'Cross-origin request refused: write from this site’s own pages.');
}

/**
 * Reads a JSON body within the limits its route has in lib/http/route-table.ts (size while it
 * streams, type, nesting, number of values), with errors a person can act on.
 */
export async function readJson(request: Request): Promise<unknown> {
  const rule = bodyRuleFor(new URL(request.url).pathname);
  const value = parseJsonText(await readBodyText(request, rule), rule);
  const field = nulField(value);
  if (field !== undefined)
    throw new ApiError(400, `Invalid ${field || '(body)'}: text must not contain the NUL character (\\u0000).`, [
      { field: field || '(body)', message: 'must not contain the NUL character' },
    ]);
  return value;
}

/**
 * The path of the first string (or key) holding a NUL character, which no text column can store.
 * Iterative, and paths are only spelled out for the culprit, so deep nesting costs neither stack
 * nor memory.
 */
function nulField(value: unknown): string | undefined {
  type Step = { item: unknown; key: string; parent: Step | null };
  const pathOf = (step: Step | null): string => {
    const keys: string[] = [];
    for (let at = step; at?.parent; at = at.parent) keys.push(at.key);
    return keys.reverse().join('.');
  };
  const pending: Step[] = [{ item: value, key: '', parent: null }];
  while (pending.length) {
    const step = pending.pop()!;
    if (typeof step.item === 'string') {
      if (step.item.includes('\u0000')) return pathOf(step);
    } else if (typeof step.item === 'object' && step.item !== null) {
      for (const [key, item] of Object.entries(step.item)) {
        const child = { item, key, parent: step };
        if (key.includes('\u0000')) return pathOf(child);
        pending.push(child);
      }
    }
  }
  return undefined;
}

/** An error's first lines of text (Prisma's messages start with an empty line and the call). */
const oneLine = (error: unknown) =>
  String(error)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');

/** Seconds a client is asked to wait while the database does not answer: about a server restart. */
const databaseRetryAfter = 5;

/**
 * Turns thrown ApiErrors and the domain's refusals into JSON answers, and a database that does not
 * answer into 503 with Retry-After; anything else is a bug, logged and answered 500 without details.
 */
export function errorResponse(error: unknown, requestId?: string): Response {
  if (error instanceof Refused) {
    const body = {
      error: { message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) },
      ...(error.current !== undefined ? { current: error.current } : {}),
    };
    return Response.json(body, { status: refusalStatus[error.refusal] });
  }
  if (error instanceof ApiError) {
    const body = {
      error: { message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) },
      ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
    };
    return Response.json(body, { status: error.status, headers: error.extra.headers });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(
      JSON.stringify({
        level: 'warn',
        message: 'database unavailable',
        requestId,
        code: (error as { code?: unknown }).code,
        error: oneLine(error),
      }),
    );
    return Response.json(
      { error: { message: `The database did not answer in time. Try again in ${databaseRetryAfter} seconds.` } },
      { status: 503, headers: { 'Retry-After': String(databaseRetryAfter) } },
    );
  }
  console.error(
    JSON.stringify({
      level: 'error',
      message: 'unhandled error in route',
      requestId,
      error: String(error),
      stack: (error as Error)?.stack,
    }),
  );
  const reference = requestId ? ` If it keeps happening, quote request ${requestId}.` : '';
  return Response.json({ error: { message: `Something went wrong on our side. Please try again.${reference}` } }, { status: 500 });
}

/** Wraps a route handler: same-origin check and rate limit for writes, errors as JSON, a request id and a log line. */
export function jsonRoute<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    let response: Response;
    try {
      assertSameOrigin(request);
      await limitWrites(request);
      response = await handler(request, ...args);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    await discardUnreadBody(request);
    response.headers.set('X-Request-Id', requestId);
    const { pathname } = new URL(request.url);
    logRequest({ requestId, method: request.method, path: pathname, status: response.status, ms: Math.round(performance.now() - started) });
    return response;
  };
}
