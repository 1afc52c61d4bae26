// The events route end to end on a migrated throwaway SQLite database (so the in-memory bus): a
// shared note written and announced with publishArticleChange reaches a reader's stream, and its
// hiding becomes a removal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';

const ARTICLE = 'deepseek-capex';
const globals = globalThis as Record<string, unknown>;
const CACHES = ['__readerArticleBus', '__readerArticleEvents', '__readerDatabaseClient', '__readerPublicReadsClient'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-live-route-'));
const decoder = new TextDecoder();

type Modules = {
  route: typeof import('@/app/api/articles/[slug]/events/route');
  publish: typeof import('@/lib/live/publish');
  db: typeof import('@/lib/db');
};
let modules: Modules;

beforeAll(async () => {
  const file = path.join(dir, 'reader.db');
  vi.stubEnv('DATABASE_URL', `file:${file}`);
  await applyMigrations({ provider: 'sqlite', url: `file:${file}`, file });
  for (const key of CACHES) delete globals[key];
  vi.resetModules();
  modules = {
    route: await import('@/app/api/articles/[slug]/events/route'),
    publish: await import('@/lib/live/publish'),
    db: await import('@/lib/db'),
  };
});

afterAll(async () => {
  await modules?.db.disconnectDatabase();
  for (const key of CACHES) delete globals[key];
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const requestFor = (slug: string, signal?: AbortSignal) => new Request(`http://localhost/api/articles/${slug}/events`, { signal });
const get = (request: Request, slug: string) => modules.route.GET(request, { params: Promise.resolve({ slug }) });

describe('GET /api/articles/[slug]/events', () => {
  it('answers HEAD without opening a stream, so HEADs cannot use up the places of live streams', async () => {
    const { openStreams } = await import('@/lib/live/stream-admission');
    const before = openStreams();
    for (let i = 0; i < 30; i++) {
      const response = await get(new Request(`http://localhost/api/articles/${ARTICLE}/events`, { method: 'HEAD' }), ARTICLE);
      expect(response.status).toBe(200);
      expect(response.body).toBeNull();
    }
    expect(openStreams()).toBe(before);
  });

  it('answers 404 with a JSON error for an unknown article', async () => {
    const response = await get(requestFor('no-such-article'), 'no-such-article');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'No article "no-such-article".' } });
  });

  it('streams a shared note to its readers as it is written, and its removal when it is hidden', async () => {
    const abort = new AbortController();
    // Kept until the end: undici's Request follows `abort` through a weak reference, so a request
    // the garbage collector took away would never pass the abort on (the test hung now and then).
    const request = requestFor(ARTICLE, abort.signal);
    const response = await get(request, ARTICLE);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    const reader = response.body!.getReader();
    const read = async () => decoder.decode((await reader.read()).value);
    expect(await read()).toBe('retry: 2000\n: connected\n\n');
    expect(await read()).toBe('event: ready\ndata: {"type":"ready","revision":0}\n\n');

    const { db } = modules.db;
    await db.user.create({ data: { id: 'live-user', name: 'Reader', email: 'live@example.com' } });
    await db.annotation.create({
      data: {
        id: 'live-note',
        article: ARTICLE,
        lang: 'en',
        blockId: 'p01',
        sentenceIds: '["p01-s1"]',
        exact: 'text',
        prefix: '',
        suffix: '',
        start: 0,
        end: 4,
        kind: 'comment',
        body: 'Seen by all',
        visibility: 'shared',
        authorId: 'live-user',
      },
    });
    await modules.publish.publishArticleChange({ article: ARTICLE, annotationId: 'live-note', revision: 1 });
    const created = await read();
    expect(created).toMatch(/^id: 1\nevent: annotation\ndata: \{.*\}\n\n$/);
    const data = JSON.parse(created.split('\n')[2]!.slice('data: '.length));
    expect(data).toMatchObject({
      type: 'annotation',
      revision: 1,
      annotation: { id: 'live-note', body: 'Seen by all', author: { name: 'Reader' } },
    });

    await db.annotation.update({ where: { id: 'live-note' }, data: { hiddenAt: new Date(), hiddenReason: 'spam' } });
    await modules.publish.publishArticleChange({ article: ARTICLE, annotationId: 'live-note', revision: 2 });
    expect(await read()).toBe('id: 2\nevent: removed\ndata: {"type":"removed","revision":2,"id":"live-note"}\n\n');

    abort.abort();
    expect((await reader.read()).done).toBe(true);
    expect(request.signal.aborted).toBe(true);
  });
});
