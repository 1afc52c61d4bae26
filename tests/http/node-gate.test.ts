// The gate on a real http.Server in front of a stand-in for Next's listener.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '@/lib/http/client-address';
import { installGate } from '@/lib/http/node-gate';
import { rawRequest } from '@/scripts/test/raw-request';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A server whose own listener records what reached it (headers as Next would see them). */
async function serve(trustedProxies: string | undefined, linger?: { bytes: number; ms: number }) {
  const reached: http.IncomingHttpHeaders[] = [];
  server = http.createServer((request, response) => {
    reached.push({ ...request.headers });
    request.resume();
    request.on('end', () => response.end('next'));
  });
  installGate(server, { trustedProxies: parseTrustedProxies(trustedProxies), linger });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reached };
}

const headersOf = (raw: http.IncomingHttpHeaders) => new Headers(Object.entries(raw).map(([k, v]): [string, string] => [k, String(v)]));

describe('installGate', () => {
  it.each(['TRACE', 'PROPFIND', 'PURGE'])('refuses %s with 405, Allow and the security headers; Next never sees it', async (method) => {
    const { origin, reached } = await serve(undefined);
    const answer = await rawRequest({ url: `${origin}/api/session`, method });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(JSON.parse(answer.text).error.message).toMatch(new RegExp(`${method} is not allowed`));
    expect(reached).toHaveLength(0);
  });

  it('refuses CONNECT with a 405 instead of dropping the connection', async () => {
    const { origin } = await serve(undefined);
    const answer = await rawRequest({ url: `${origin}/`, method: 'CONNECT' });
    expect(answer.status).toBe(405);
  });

  it('refuses methods a route does not serve, and writes to pages', async () => {
    const { origin, reached } = await serve(undefined);
    expect((await rawRequest({ url: `${origin}/api/session`, method: 'DELETE' })).status).toBe(405);
    const page = await rawRequest({ url: `${origin}/zh`, method: 'POST', body: Buffer.from('a=b') });
    expect(page.status).toBe(405);
    expect(page.headers.allow).toBe('GET, HEAD');
    expect(reached).toHaveLength(0);
  });

  it('refuses a declared body over the route’s limit before Next sees it; the client gets the answer while still sending', async () => {
    const { origin, reached } = await serve(undefined);
    for (let i = 0; i < 5; i++) {
      const answer = await rawRequest({
        url: `${origin}/api/auth/sign-up/email`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.alloc(20 * 1024 * 1024, 0x5b),
      });
      expect(answer.status).toBe(413);
    }
    expect(reached).toHaveLength(0);
  });

  it('cuts the connection of a refused request whose body goes on past the linger limits', async () => {
    const { origin } = await serve(undefined, { bytes: 1024 * 1024, ms: 200 });
    const { port } = new URL(origin);
    const socket = (await import('node:net')).connect(Number(port), '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => {});
    });
    socket.write('POST /api/auth/sign-in/email HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n');
    const timer = setInterval(() => socket.write(Buffer.alloc(64 * 1024, 0x20)), 5);
    const text = await closed;
    clearInterval(timer);
    expect(text).toMatch(/^HTTP\/1\.1 413/);
  });

  it('lets a body within the limit through', async () => {
    const { origin, reached } = await serve(undefined);
    const answer = await rawRequest({
      url: `${origin}/api/auth/sign-in/email`,
      method: 'POST',
      body: Buffer.from('{}'),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(answer.text).toBe('next');
    expect(reached).toHaveLength(1);
  });

  it('stamps the socket’s address and drops forwarded headers from an untrusted peer', async () => {
    const { origin, reached } = await serve(undefined);
    await rawRequest({
      url: `${origin}/api/session`,
      method: 'GET',
      headers: {
        'X-Forwarded-For': '6.6.6.6',
        'X-Real-IP': '6.6.6.7',
        'X-Forwarded-Host': 'evil.example',
        Forwarded: 'for=6.6.6.8',
        'X-Reader-Peer': 'forged 6.6.6.9',
      },
    });
    const seen = reached[0];
    expect(clientAddress(headersOf(seen))).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-real-ip']).toBeUndefined();
    expect(seen['x-forwarded-host']).toBeUndefined();
    expect(seen.forwarded).toBeUndefined();
  });

  it('believes X-Forwarded-For from a trusted proxy', async () => {
    const { origin, reached } = await serve('127.0.0.1');
    await rawRequest({
      url: `${origin}/api/session`,
      method: 'GET',
      headers: { 'X-Forwarded-For': '6.6.6.6, 198.51.100.4', 'X-Forwarded-Host': 'reader.example' },
    });
    expect(clientAddress(headersOf(reached[0]))).toBe('198.51.100.4');
    expect(reached[0]['x-forwarded-host']).toBe('reader.example');
  });
});

describe('bodies on methods that take none', () => {
  it('refuses a GET with a body, declared or chunked, reading it first so the answer arrives', async () => {
    const { origin, reached } = await serve(undefined);
    for (const chunked of [false, true]) {
      const answer = await rawRequest({ url: `${origin}/api/session`, method: 'GET', body: Buffer.alloc(4 * 1024 * 1024, 0x61), chunked });
      expect(answer.status).toBe(400);
    }
    expect(reached).toHaveLength(0);
  });
});

describe('pathOf: the path Next will route by', () => {
  it.each([
    ['/api/../en', '/en'],
    ['/api/%2e%2e/en', '/en'],
    ['/api/%2E%2E/en?x=1', '/en'],
    ['//api/session', '/api/session'],
    ['/api\\..\\en', '/en'],
    ['http://evil.example/api/../zh', '/zh'],
    ['/zh/articles/deepseek-capex', '/zh/articles/deepseek-capex'],
    ['/api/session#x', '/api/session'],
  ])('%j is %j', async (url, path) => {
    const { pathOf } = await import('@/lib/http/node-gate');
    expect(pathOf(url)).toBe(path);
  });

  it('refuses a POST to a page reached through dot segments', async () => {
    const { origin, reached } = await serve(undefined);
    const socket = (await import('node:net')).connect(Number(new URL(origin).port), '127.0.0.1');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.write('POST /api/../en HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405/);
    expect(reached).toHaveLength(0);
  });
});
