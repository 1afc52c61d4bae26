import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/http/api-error';
import { jsonRoute } from '@/lib/http/json-route';

const lines: string[] = [];
const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
  lines.push(String(chunk));
  return true;
});
afterEach(() => {
  lines.length = 0;
});

describe('jsonRoute', () => {
  it('answers with a request id and logs one JSON line per request', async () => {
    const route = jsonRoute(async () => Response.json({ ok: true }, { status: 201 }));
    const response = await route(new Request('http://localhost/api/things?secret=1', { method: 'GET' }));
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      message: 'request',
      requestId: id,
      method: 'GET',
      path: '/api/things',
      status: 201,
    });
    expect(lines[0]).not.toContain('secret=1');
  });

  it('keeps the id a proxy gave, unless it looks wrong', async () => {
    const route = jsonRoute(async () => new Response(null, { status: 204 }));
    const given = await route(new Request('http://localhost/api/x', { headers: { 'X-Request-Id': 'proxy-1234abcd' } }));
    expect(given.headers.get('x-request-id')).toBe('proxy-1234abcd');
    const odd = await route(new Request('http://localhost/api/x', { headers: { 'X-Request-Id': 'bad id {"level":"error"}' } }));
    expect(odd.headers.get('x-request-id')).not.toContain('bad');
  });

  it('logs errors with their status, and names the request id in a 500', async () => {
    const failing = jsonRoute(async () => {
      throw new ApiError(404, 'No such thing.');
    });
    expect((await failing(new Request('http://localhost/api/y'))).status).toBe(404);
    expect(JSON.parse(lines[0]).status).toBe(404);

    const broken = jsonRoute(async () => {
      throw new Error('bug');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await broken(new Request('http://localhost/api/z'));
    const id = response.headers.get('x-request-id')!;
    expect(response.status).toBe(500);
    expect((await response.json()).error.message).toContain(id);
    expect(JSON.parse(String(errors.mock.calls[0][0]))).toMatchObject({ level: 'error', requestId: id });
    errors.mockRestore();
  });
});

afterAll(() => write.mockRestore());
