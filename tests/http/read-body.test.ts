import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/http/api-error';
import { readBodyBytes, readBodyText } from '@/lib/http/read-body';

const rule = { maxBytes: 1024, types: ['application/json'], maxDepth: 8, maxValues: 100 };

/** A chunked body of `chunks` pieces of `size` bytes, and how many were pulled before it was cancelled. */
function streamed(chunks: number, size = 512) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

const request = (body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/x', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
    duplex: 'half',
  } as RequestInit);

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as ApiError).status;
  }
}

describe('readBodyBytes', () => {
  it('reads a body within the limit', async () => {
    const bytes = await readBodyBytes(request('x'.repeat(1024)), 1024);
    expect(bytes.byteLength).toBe(1024);
  });

  it('refuses a declared length over the limit, reading the rest only to drop it (so the client gets the answer)', async () => {
    const { body, state } = streamed(100);
    expect(await statusOf(readBodyBytes(request(body, { 'Content-Length': '51200' }), 1024))).toBe(413);
    expect(state.pulled).toBe(100);
    expect(state.cancelled).toBe(false);
  });

  it('refuses a chunked body at the first chunk over the limit and drops the rest as it comes', async () => {
    const { body, state } = streamed(20_000); // 10 MB
    expect(await statusOf(readBodyBytes(request(body), 1024))).toBe(413);
    expect(state.pulled).toBe(20_000);
  });

  it('stops reading a refused body past 64 MB and cancels it', async () => {
    const { body, state } = streamed(1_200, 64 * 1024); // 75 MB
    expect(await statusOf(readBodyBytes(request(body), 1024))).toBe(413);
    expect(state.pulled).toBeLessThan(1_200);
    expect(state.cancelled).toBe(true);
  });

  it('answers 413 for a body a little over the limit', async () => {
    try {
      await readBodyBytes(request('x'.repeat(2000)), 1024);
    } catch (error) {
      expect((error as ApiError).status).toBe(413);
    }
  });
});

describe('readBodyText', () => {
  it('refuses a type the route does not take, naming the one it does', async () => {
    const refused = request('{}', { 'Content-Type': 'text/plain' });
    await expect(readBodyText(refused, rule)).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/application\/json/) });
  });

  it('takes a type with parameters', async () => {
    expect(await readBodyText(request('{}', { 'Content-Type': 'Application/JSON; charset=utf-8' }), rule)).toBe('{}');
  });

  it('refuses malformed UTF-8', async () => {
    expect(await statusOf(readBodyText(request(new Uint8Array([0x7b, 0xff, 0x7d])), rule))).toBe(400);
  });
});
