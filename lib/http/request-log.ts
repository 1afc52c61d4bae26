import { randomUUID } from 'node:crypto';

// One JSON line per API request on stdout, with an id that the answer carries too (X-Request-Id), so
// a reader's report, the proxy's log and ours can be matched. LOG_REQUESTS=0 turns the lines off.

const acceptableId = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id a proxy in front gave the request (X-Request-Id), when it looks like one; else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && acceptableId.test(given) ? given : randomUUID();
}

export type RequestLogEntry = { requestId: string; method: string; path: string; status: number; ms: number };

export function logRequest(entry: RequestLogEntry) {
  if (process.env.LOG_REQUESTS === '0') return;
  process.stdout.write(`${JSON.stringify({ level: 'info', time: new Date().toISOString(), message: 'request', ...entry })}\n`);
}
