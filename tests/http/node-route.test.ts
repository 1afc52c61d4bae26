// nodeRoute on a real http.Server: Web handlers' answers reach Node's response whole, through the
// socket's back-pressure, and a client that leaves mid-answer releases the handler's body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeRoute } from '@/lib/http/node-route';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function serve(route: ReturnType<typeof nodeRoute>) {
  server = http.createServer((req, res) => void route(Object.assign(req, { query: {} }), res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A body of `count` chunks of 64 KB, each filled with its index, and what became of it. */
function chunkedBody(count: number) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === count) return controller.close();
      controller.enqueue(new Uint8Array(64 * 1024).fill(state.pulled++ % 256));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

describe('nodeRoute', () => {
  it('sends a body far larger than the socket buffers whole and in order, with the handler’s status and headers', async () => {
    const { body } = chunkedBody(160); // 10 MB
    const origin = await serve(nodeRoute({ GET: async () => new Response(body, { status: 203, headers: { 'X-Kind': 'big' } }) }));
    const response = await fetch(origin);
    expect(response.status).toBe(203);
    expect(response.headers.get('x-kind')).toBe('big');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(160 * 64 * 1024);
    for (let i = 0; i < 160; i++) expect(bytes[i * 64 * 1024]).toBe(i % 256);
  });

  it('stops reading and releases the body when the client leaves mid-answer', async () => {
    const { body, state } = chunkedBody(100_000); // 6.4 GB: never sent whole
    const origin = await serve(nodeRoute({ GET: async () => new Response(body) }));
    const controller = new AbortController();
    const response = await fetch(origin, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => state.cancelled, { timeout: 5000 }).toBe(true);
    const pulledAtCancel = state.pulled;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(state.pulled).toBe(pulledAtCancel);
    expect(state.pulled).toBeLessThan(1000);
  });

  it('answers HEAD without a body, and methods it has no handler for with 405 and Allow', async () => {
    const origin = await serve(
      nodeRoute({ GET: async () => new Response('hello'), POST: async () => new Response(null, { status: 201 }) }),
    );
    const head = await fetch(origin, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const put = await fetch(origin, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(await put.json()).toMatchObject({ error: { message: expect.stringContaining('PUT is not allowed') } });
  });
});
