import { createHash } from 'node:crypto';
import { jsonRoute } from '@/lib/http/json-route';
import { constrainedBy, crossOriginHeaders } from './protocol';

/**
 * A route of the protocol: jsonRoute (origin check, write limits, errors as JSON), and on every
 * answer, refusals included, the CORS headers (a script on another site can read why it was
 * refused) and the link to the protocol's constraints (LDP: "on all responses").
 */
export function protocolRoute<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  const route = jsonRoute(handler);
  return async (request: Request, ...args: Args): Promise<Response> => {
    const response = await route(request, ...args);
    for (const [name, value] of Object.entries(crossOriginHeaders)) response.headers.set(name, value);
    if (!response.headers.has('Link')) response.headers.set('Link', constrainedBy);
    return response;
  };
}

/** Whether `If-None-Match` names this entity tag (weak comparison, as for GET). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** A weak entity tag for a JSON answer: the digest of its text. */
export const weakTag = (text: string) => `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;

/** A JSON-LD answer with its headers, or 304 when the client holds it already. */
export function protocolJson(
  request: Request,
  body: unknown,
  { type, etag, status = 200, headers }: { type: string; etag?: string; status?: number; headers: Record<string, string> },
): Response {
  const text = JSON.stringify(body);
  const tag = etag ?? weakTag(text);
  const all = { ...headers, ETag: tag, 'Cache-Control': 'private, no-cache' };
  // 304 answers a read only: a write's If-None-Match was checked before it changed anything (annotations.ts).
  const read = request.method === 'GET' || request.method === 'HEAD';
  if (read && status === 200 && notModified(request, tag)) return new Response(null, { status: 304, headers: all });
  return new Response(text, { status, headers: { ...all, 'Content-Type': type } });
}
