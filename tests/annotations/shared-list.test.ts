// The shared-notes cache on a real, migrated SQLite file: readers that arrive together after a
// change share one load of the list (before, each of them queried and encoded all of it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

async function addSharedNote(id: string) {
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
        visibility: 'shared',
        authorId: 'u1',
      },
    });
    await app.activity.bumpRevision(tx, 'deepseek-capex');
  });
}

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
