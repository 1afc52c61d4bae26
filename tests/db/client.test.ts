// Round trip through createDatabaseClient on each provider: a migrated throwaway database, a User and
// an Annotation with tags written and read back through the app's Prisma client.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { describeUrl, serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { createPostgresDatabase, createSqliteDatabase, migratedClient } from './databases';

const unreachable = await unreachableReason(serverUrl());
if (unreachable) console.warn(`PostgreSQL client tests SKIPPED: server unreachable (${unreachable})`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function roundTrip(client: DatabaseClient) {
  const user = await client.user.create({ data: { id: 'user-1', name: '读者 Reader', email: 'reader@example.com' } });
  expect(user).toMatchObject({ role: 'reader', emailVerified: false, image: null });
  expect(user.createdAt).toBeInstanceOf(Date);

  await client.annotation.create({
    data: {
      id: 'annotation-1',
      article: 'some-article',
      lang: 'zh',
      blockId: 'p07',
      sentenceIds: JSON.stringify(['p07-s2', 'p07-s3']),
      exact: '增长了百分之五',
      prefix: '去年',
      suffix: '。',
      start: 120,
      end: 127,
      kind: 'claim',
      verdict: 'supported',
      sourceUrl: 'https://example.com/source',
      body: 'A **note**.',
      visibility: 'shared',
      authorId: user.id,
      tags: { create: [{ tag: 'economy' }, { tag: '数据' }] },
    },
  });

  const read = await client.annotation.findUnique({
    where: { id: 'annotation-1' },
    include: { tags: { orderBy: { tag: 'asc' } }, author: true },
  });
  expect(read).toMatchObject({
    article: 'some-article',
    lang: 'zh',
    exact: '增长了百分之五',
    start: 120,
    end: 127,
    kind: 'claim',
    verdict: 'supported',
    body: 'A **note**.',
    visibility: 'shared',
    version: 1,
    author: { email: 'reader@example.com', name: '读者 Reader' },
  });
  expect(JSON.parse(read!.sentenceIds)).toEqual(['p07-s2', 'p07-s3']);
  expect(read!.tags.map((t) => t.tag)).toEqual(['economy', '数据']);
  expect(await client.annotationTag.count({ where: { tag: 'economy' } })).toBe(1);

  // Foreign keys are enforced and cascade: deleting the user deletes its annotations and their tags.
  await expect(client.annotationTag.create({ data: { annotationId: 'no-such-annotation', tag: 'x' } })).rejects.toThrow();
  await client.user.delete({ where: { id: user.id } });
  expect(await client.annotation.count()).toBe(0);
  expect(await client.annotationTag.count()).toBe(0);
}

describe('createDatabaseClient on SQLite (better-sqlite3)', () => {
  it('writes and reads a User and an Annotation with tags', async () => {
    await roundTrip(await migratedClient(createSqliteDatabase, cleanups));
  });

  it('opens connections in WAL mode with a 5 s busy timeout and foreign keys on', async () => {
    const client = await migratedClient(createSqliteDatabase, cleanups);
    const pragma = async (name: string) =>
      Object.values(((await client.$queryRawUnsafe(`PRAGMA ${name}`)) as Record<string, unknown>[])[0]!)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(Number(await pragma('busy_timeout'))).toBe(5000);
    expect(Number(await pragma('foreign_keys'))).toBe(1);
  });
});

describe.skipIf(unreachable !== null)(`createDatabaseClient on PostgreSQL (${describeUrl(serverUrl())})`, () => {
  it('writes and reads a User and an Annotation with tags', async () => {
    await roundTrip(await migratedClient(createPostgresDatabase, cleanups));
  });

  it('prices random reads as on an SSD, so searches walk the reading-order index (random_page_cost 1.1)', async () => {
    const client = await migratedClient(createPostgresDatabase, cleanups);
    const [row] = await client.$queryRaw<{ random_page_cost: string }[]>`SHOW random_page_cost`;
    expect(row.random_page_cost).toBe('1.1');
  });

  for (const schema of ['reader_app', 'Reader App']) {
    it(`with ?schema=${schema}, raw SQL finds the app's tables, as Prisma's own queries do`, async () => {
      const client = await migratedClient(async () => {
        const t = await createPostgresDatabase();
        return { ...t, database: { ...t.database, url: `${t.database.url}?schema=${encodeURIComponent(schema)}` } };
      }, cleanups);
      await client.articleActivity.create({ data: { article: 'some-article', revision: 7 } });
      const rows = await client.$queryRaw<{ revision: number; schema: string }[]>`
        SELECT "revision", current_schema() AS "schema" FROM "ArticleActivity" WHERE "article" = ${'some-article'}`;
      expect(rows).toEqual([{ revision: 7, schema }]);
      // The rate limits' raw upsert (lib/rate-limit/database-store.ts) works there too.
      const { databaseStore } = await import('@/lib/rate-limit/database-store');
      expect((await databaseStore(client).hit('k', 60_000, Date.now())).count).toBe(1);
    });
  }
});

if (unreachable) {
  describe('createDatabaseClient on PostgreSQL', () => {
    it.skip(`skipped: PostgreSQL server unreachable (${unreachable})`, () => {});
  });
}

describe('lib/db', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-lib-db-'));
  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports the provider and a lazily created client for DATABASE_URL, kept across reloads in development', async () => {
    const cache = globalThis as { __readerDatabaseClient?: DatabaseClient };
    const cached = () => cache.__readerDatabaseClient;
    delete cache.__readerDatabaseClient;
    const file = path.join(dir, 'app.db');
    vi.stubEnv('DATABASE_URL', `file:${file}`);
    vi.stubEnv('NODE_ENV', 'development');
    vi.resetModules();
    const first = await import('@/lib/db');
    expect(first.databaseProvider).toBe('sqlite');
    expect(cached()).toBeUndefined(); // nothing is created on import
    await applyMigrations({ provider: 'sqlite', url: `file:${file}`, file });
    expect(await first.db.user.count()).toBe(0);
    const created = cached();
    expect(created).toBeDefined();

    vi.resetModules(); // what a hot reload does
    const second = await import('@/lib/db');
    expect(await second.db.user.count()).toBe(0);
    expect(cached()).toBe(created);
    await created?.$disconnect();
    delete cache.__readerDatabaseClient;
  });
});
