// The shared-notes cache on a real, migrated SQLite file: readers that arrive together after a
// change share one load of the list (before, each of them queried and encoded all of it), and the
// list body, plain, gzip or brotli (kept compressed per revision), is the same JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-shared-list-'));
const file = path.join(dir, 'reader.db');
process.env.DATABASE_URL = `file:${file}`; // lib/db reads it on first use

type Modules = {
  list: typeof import('@/lib/annotations/list-annotations');
  activity: typeof import('@/lib/annotations/activity');
  db: typeof import('@/lib/db')['db'];
};
let app: Modules;

beforeAll(async () => {
  await applyMigrations({ provider: 'sqlite', url: `file:${file}`, file });
  app = {
    list: await import('@/lib/annotations/list-annotations'),
    activity: await import('@/lib/annotations/activity'),
    db: (await import('@/lib/db')).db,
  };
});
afterAll(async () => {
  await app.db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function addSharedNote(id: string, visibility = 'shared') {
  await app.db.user.upsert({ where: { id: 'u1' }, create: { id: 'u1', name: 'Reader', email: 'r@example.test' }, update: {} });
  await app.db.$transaction(async (tx) => {
    await tx.annotation.create({
      data: {
        id,
        article: 'deepseek-capex',
        lang: 'zh',
        blockId: 'p01',
        sentenceIds: '["p01.s1"]',
        exact: '英伟达',
        prefix: '',
        suffix: '',
        start: 0,
        end: 3,
        kind: 'comment',
        body: `note ${id}`,
        visibility,
        authorId: 'u1',
      },
    });
    await app.activity.bumpRevision(tx, 'deepseek-capex');
  });
}

const reader = { id: 'u1', name: 'Reader', role: 'reader' };

/** The list a viewer gets, parsed from the plain body, after checking the gzip and brotli ones are the same bytes. */
async function listFor(viewer: typeof reader | null) {
  const plain = await app.list.listAnnotationsBody('deepseek-capex', viewer, { codings: [] });
  const gzip = await app.list.listAnnotationsBody('deepseek-capex', viewer, { codings: ['gzip'] });
  const br = await app.list.listAnnotationsBody('deepseek-capex', viewer, { codings: ['br', 'gzip'] });
  expect([plain.coding, gzip.coding, br.coding]).toEqual([null, 'gzip', 'br']);
  const text = Buffer.concat(plain.chunks).toString('utf8');
  expect(gunzipSync(Buffer.concat(gzip.chunks)).toString('utf8')).toBe(text);
  expect(brotliDecompressSync(Buffer.concat(br.chunks)).toString('utf8')).toBe(text);
  const list = JSON.parse(text) as { revision: number; annotations: { id: string }[] };
  return list.annotations.map((a) => a.id);
}

it('answers the same list plain, gzip and brotli, with or without shared notes and the reader’s own private ones', async () => {
  expect(await listFor(null)).toEqual([]);
  await addSharedNote('private-1', 'private');
  expect(await listFor(reader)).toEqual(['private-1']);
  expect(await listFor(null)).toEqual([]);
  await addSharedNote('shared-0');
  expect(await listFor(reader)).toEqual(['shared-0', 'private-1']);
  expect(await listFor(null)).toEqual(['shared-0']);
  // One revision, one compression of the shared part per coding, whoever asks.
  const entry = await app.list.sharedAnnotations('deepseek-capex');
  const kept = { ...entry.compressedHead };
  expect(kept.gzip && kept.br).toBeTruthy();
  await listFor(reader);
  expect(entry.compressedHead).toEqual(kept);
  expect(entry.compressedHead.gzip).toBe(kept.gzip);
  expect(entry.compressedHead.br).toBe(kept.br);
  await app.db.annotation.deleteMany();
  await app.db.$transaction((tx) => app.activity.bumpRevision(tx, 'deepseek-capex'));
});

it('gives readers arriving together after a change one shared load, then the cached entry', async () => {
  await addSharedNote('n1');
  const together = await Promise.all(Array.from({ length: 20 }, () => app.list.sharedAnnotations('deepseek-capex')));
  expect(new Set(together).size).toBe(1);
  expect(together[0].annotations.map((a) => a.id)).toEqual(['n1']);
  expect(await app.list.sharedAnnotations('deepseek-capex')).toBe(together[0]);

  await addSharedNote('n2');
  const after = await app.list.sharedAnnotations('deepseek-capex');
  expect(after).not.toBe(together[0]);
  expect(after.revision).toBe(together[0].revision + 1);
  expect(after.annotations.map((a) => a.id)).toEqual(['n1', 'n2']);
});

it('sends a long own part gzip (deflated) to a client that takes both, and brotli (as it is) to one that takes only brotli', async () => {
  for (let i = 0; i < 40; i++) await addSharedNote(`own-${i}`, 'private');
  const both = await app.list.listAnnotationsBody('deepseek-capex', reader, { codings: ['br', 'gzip'] });
  const brOnly = await app.list.listAnnotationsBody('deepseek-capex', reader, { codings: ['br'] });
  const plain = await app.list.listAnnotationsBody('deepseek-capex', reader, { codings: [] });
  const text = Buffer.concat(plain.chunks).toString('utf8');
  expect(text.length).toBeGreaterThan(16 * 1024);
  expect([both.coding, brOnly.coding]).toEqual(['gzip', 'br']);
  expect(gunzipSync(Buffer.concat(both.chunks)).toString('utf8')).toBe(text);
  expect(brotliDecompressSync(Buffer.concat(brOnly.chunks)).toString('utf8')).toBe(text);
  // A signed-out reader's own part is `]}`: brotli.
  expect((await app.list.listAnnotationsBody('deepseek-capex', null, { codings: ['br', 'gzip'] })).coding).toBe('br');
});
