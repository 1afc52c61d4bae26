import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { BlockList } from 'node:net';
import { apiContentSecurityPolicy, securityHeaders } from '@/lib/security-headers.mjs';
import { isTrustedProxy, PEER_HEADER, peerStampKey, resolveClient } from './client-address';
import { lingerLimits } from './read-body';
import { ruleFor } from './route-table';
import { routableTarget } from '@/lib/w3c/paths';

/**
 * The gate in front of Next, on the Node server itself: it sees every request before Next does
 * (pages, files, /api/auth included) and refuses, from the request line and headers alone, what no
 * route serves:
 * - methods outside HTTP's usual set (TRACE, PROPFIND, CONNECT…), and methods a route does not
 *   serve: 405 with Allow and the security headers (Next answered TRACE with a 500 and a stack trace);
 * - a declared Content-Length over the route's limit (lib/http/route-table.ts): 413, without keeping
 *   any of the body. Chunked bodies are counted as they stream, inside the routes (read-body.ts);
 * - a body on GET, HEAD or OPTIONS: 400 (nothing would read it).
 * It also works out the client's address from the socket (TRUSTED_PROXIES decides whose
 * X-Forwarded-For is believed), stamps it on the request (client-address.ts), and removes the
 * forwarded headers an untrusted client sent, so nothing downstream reads a forged one. A W3C
 * annotation container's IRI, which ends in "/", reaches Next without it (lib/w3c/paths.ts).
 */
export type GateOptions = {
  trustedProxies: BlockList | null;
  /** How much of a refused request's body is read and dropped before its answer (see refuse). */
  linger?: { bytes: number; ms: number };
};

/** Methods some route may serve; anything else is refused before routing. */
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const forwardedHeaders = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

type Refusal = { status: 400 | 405 | 413; message: string; allow?: string };

/** Methods whose requests carry no body: one sent anyway is refused (nothing would read it). */
const bodiless = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The refusal a request gets from its method and headers alone, or undefined to let it through. */
export function gateRefusal(method: string, pathname: string, contentLength: string | undefined, chunked = false): Refusal | undefined {
  const rule = ruleFor(pathname);
  const allowed = rule.name === 'page' ? rule.methods : [...rule.methods, 'OPTIONS'];
  const allow = allowed.join(', ');
  if (!knownMethods.has(method) || !allowed.includes(method))
    return { status: 405, allow, message: `${method.slice(0, 20)} is not allowed here; use ${allow}.` };
  if (bodiless.has(method) && (chunked || (contentLength !== undefined && contentLength !== '0')))
    return { status: 400, message: `A ${method} request takes no body.` };
  if (rule.body && contentLength !== undefined && !(Number(contentLength) <= rule.body.maxBytes))
    return { status: 413, message: `The request body is larger than ${rule.body.maxBytes} bytes.` };
  return undefined;
}

/** The headers of a refusal: the security headers every answer carries, and the API's policy. */
function refusalHeaders(refusal: Refusal, body: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, value } of securityHeaders({ development: false })) headers[key] = value;
  headers['Content-Security-Policy'] = apiContentSecurityPolicy;
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(body));
  headers['Cache-Control'] = 'no-store';
  if (refusal.allow) headers.Allow = refusal.allow;
  return headers;
}

const refusalBody = (refusal: Refusal) => JSON.stringify({ error: { message: refusal.message } });

/**
 * Sends a refusal once the request's body (if any) has been read and dropped, within the linger
 * limits (read-body.ts explains why answering while the client still sends can lose the answer);
 * past them, the answer goes out and the connection is cut.
 */
function refuse(request: http.IncomingMessage, response: http.ServerResponse, refusal: Refusal, linger = lingerLimits) {
  const body = refusalBody(refusal);
  const send = (cut: boolean) => {
    if (response.headersSent) return;
    response.writeHead(refusal.status, refusalHeaders(refusal, body));
    response.end(request.method === 'HEAD' ? undefined : body, () => cut && request.socket.destroy());
  };
  if (request.complete) return send(false);
  let received = 0;
  const timer = setTimeout(() => send(true), linger.ms).unref();
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > linger.bytes) {
      clearTimeout(timer);
      send(true);
    }
  });
  request.once('end', () => {
    clearTimeout(timer);
    send(false);
  });
  request.once('close', () => clearTimeout(timer));
}

/**
 * The path a request will be routed by, as Next will see it: an absolute-form target's path, leading
 * slashes made one, backslashes read as slashes, and dot segments (`..`, `%2e%2e`) resolved. Judged
 * by the raw path, `/api/../en` was an API path that may POST any size, and Next then served it as
 * the page `/en`, holding each body (up to 10 MB) while its proxy copied it.
 */
export function pathOf(url: string | undefined): string {
  let raw = (url ?? '/').split(/[?#]/)[0];
  // An absolute-form target (`GET http://host/path`) names the path after the authority.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') || '/';
  try {
    return new URL(`http://gate.invalid${raw.replace(/\\/g, '/').replace(/^\/*/, '/')}`).pathname;
  } catch {
    return '/';
  }
}

/** Checks one request; answers it and returns false when it is refused, else stamps it and returns true. */
function admit(request: http.IncomingMessage, response: http.ServerResponse, options: GateOptions): boolean {
  const refusal = gateRefusal(
    request.method ?? 'GET',
    pathOf(request.url),
    request.headers['content-length'],
    request.headers['transfer-encoding'] !== undefined,
  );
  if (refusal) {
    refuse(request, response, refusal, options.linger);
    return false;
  }
  const peer = request.socket.remoteAddress;
  const forwardedFor = request.headers['x-forwarded-for'];
  const client = resolveClient(peer, Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor, options.trustedProxies);
  if (!isTrustedProxy(options.trustedProxies, peer)) for (const name of forwardedHeaders) delete request.headers[name];
  // Next reads the client from X-Forwarded-For (it fills it from the socket when absent): one entry, the resolved one.
  request.headers['x-forwarded-for'] = client;
  request.headers[PEER_HEADER] = `${peerStampKey()} ${client}`;
  request.url = routableTarget(request.url ?? '/');
  return true;
}

/** CONNECT never reaches 'request' listeners: Node hands over the socket, which gets a 405 and is closed. */
function refuseConnect(request: http.IncomingMessage, socket: Duplex) {
  const refusal: Refusal = { status: 405, allow: 'GET, HEAD', message: 'CONNECT is not allowed here; use GET, HEAD.' };
  const body = refusalBody(refusal);
  const headers = Object.entries(refusalHeaders(refusal, body))
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${headers}\r\n${body}`);
}

const installed = new WeakSet<http.Server>();

/**
 * Puts the gate in front of a server's request listeners (Next's), once per server. Requests that
 * reached Next before this ran (the first moments after start) pass ungated; their address reads
 * `unverified` (client-address.ts), and the routes still limit their bodies.
 */
export function installGate(server: http.Server, options: GateOptions): boolean {
  if (installed.has(server)) return false;
  installed.add(server);
  const listeners = server.listeners('request') as ((request: http.IncomingMessage, response: http.ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (!admit(request, response, options)) return;
    for (const listener of listeners) listener.call(server, request, response);
  });
  if (server.listenerCount('connect') === 0) server.on('connect', refuseConnect);
  return true;
}
