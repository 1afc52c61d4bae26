// warmUp on a real http.Server: it finds the process's listening server by itself, asks for each
// path in turn, and counts what failed; with no server it gives up after its timeout.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { warmUp } from '@/lib/http/warm-up';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('warmUp', () => {
  it('waits for the server to listen, then asks for every path once, in order, as a browser would', async () => {
    const asked: string[] = [];
    server = http.createServer((request, response) => {
      asked.push(`${request.url} ${request.headers['accept-encoding']}`);
      response.statusCode = request.url === '/missing' ? 404 : 200;
      response.end('ok');
    });
    const warming = warmUp(['/zh/articles/a?view=zh', '/missing', '/api/articles/a/annotations'], { pollMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50)); // not listening yet: it keeps looking
    server.listen(0, '0.0.0.0');
    expect(await warming).toMatchObject({ warmed: 2, failed: 1 });
    expect(asked).toEqual([
      '/zh/articles/a?view=zh gzip, deflate, br, zstd',
      '/missing gzip, deflate, br, zstd',
      '/api/articles/a/annotations gzip, deflate, br, zstd',
    ]);
  });

  it('gives up, without throwing, when no server listens', async () => {
    expect(await warmUp(['/zh'], { timeoutMs: 100, pollMs: 10 })).toEqual({ skipped: 'no listening server after 100 ms' });
  });
});

describe('warmUpPaths', () => {
  it('names every article in each UI language and view, its summary and notes', async () => {
    const { warmUpPaths } = await import('@/lib/http/warm-up-paths');
    const paths = warmUpPaths();
    for (const locale of ['zh', 'en'])
      for (const view of ['zh', 'en', 'bilingual']) expect(paths).toContain(`/${locale}/articles/deepseek-capex?view=${view}`);
    expect(paths).toContain('/api/articles/deepseek-capex/annotations');
    expect(paths).toContain('/api/articles/deepseek-capex/summary');
  });
});
