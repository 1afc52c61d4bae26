import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { ApiError } from './api-error';
import { errorResponse } from './json-route';

/**
 * Serves Web route handlers (the same `(request, { params })` functions app/ routes export) from a
 * Pages Router API route, which writes to Node's response itself. The one reason to: an App Router
 * route's `Content-Encoding` header is dropped by Next (it assumes the body was decoded by fetch),
 * so a body kept compressed, like the annotation list's (docs/decisions/007), can only be sent this
 * way. Everything else about the answer (status, headers, streamed body) passes through unchanged.
 * Next's own compression leaves an answer that already has a Content-Encoding alone.
 */
type WebHandler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

export function nodeRoute<Params extends Record<string, string>>(
  handlers: Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', WebHandler<Params>>>,
) {
  const allowed = [...Object.keys(handlers), ...(handlers.GET ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  return async (req: IncomingMessage & { query: Partial<Record<string, string | string[]>> }, res: ServerResponse) => {
    // As Next answers OPTIONS for App Router routes: the methods, nothing else.
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { Allow: allowed });
      return void res.end();
    }
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const handler = handlers[method as keyof typeof handlers];
    const params = Object.fromEntries(Object.entries(req.query).map(([key, value]) => [key, String(value)])) as Params;
    const response = handler
      ? await handler(webRequest(req), { params: Promise.resolve(params) })
      : errorResponse(new ApiError(405, `${req.method} is not allowed here; use ${allowed}.`, [], { headers: { Allow: allowed } }));
    await send(response, req, res);
  };
}

/** The Web Request for a Node request; the body is streamed, not read in advance. */
function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(requestUrl(req), {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/** The request's URL; a Host header that makes no URL (`a b`, `x:99999999`) is a client's mistake, not a 500. */
function requestUrl(req: IncomingMessage): string {
  for (const origin of [`http://${req.headers.host ?? 'localhost'}`, 'http://localhost']) {
    try {
      return new URL(req.url ?? '/', origin).href;
    } catch {
      // try the next
    }
  }
  return 'http://localhost/';
}

async function send(response: Response, req: IncomingMessage, res: ServerResponse) {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  if (!response.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  await writeBody(response.body, res);
}

/**
 * Writes a Web body to Node's response, chunk by chunk, waiting for the socket to drain when it is
 * full. A plain loop rather than `pipeline(Readable.fromWeb(body), res)`: that wraps the body in a
 * Node stream and, on finishing, aborts a controller that builds a DOMException, for every answer
 * (about 4% of the list route's CPU under load).
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: ServerResponse) {
  const reader = body.getReader();
  // The client went away: stop reading, nothing left to tell it.
  const gone = new Promise<'gone'>((resolve) => res.once('close', () => resolve('gone')));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value) && (await Promise.race([once(res, 'drain'), gone])) === 'gone') return;
    }
    res.end();
  } catch {
    // The body failed mid-answer: the client cannot be told with a status any more; cut it short.
    res.destroy();
  } finally {
    reader.cancel().catch(() => {});
  }
}
