// readListState on a real, migrated SQLite file and PostgreSQL database: the revision and whether a
// reader has notes the shared list leaves out, in one raw query that must mean the same on both.
import { afterEach, describe, expect, it } from 'vitest';
import { readListState } from '@/lib/annotations/list-state';
import type { DatabaseClient } from '@/lib/db/client';
import { serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { createPostgresDatabase, createSqliteDatabase, migratedClient } from '../db/databases';

const unreachable = await unreachableReason(serverUrl());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});


async function note(client: DatabaseClient, id: string, authorId: string, visibility: string, extra: { hiddenAt?: Date; article?: string } = {}) {
  await client.annotation.create({
    data: {
      id,
      article: extra.article ?? 'a1',
      lang: 'zh',
      blockId: 'p01',
      sentenceIds: '["p01-s1"]',
      exact: '英伟达',
      prefix: '',
      suffix: '',
      start: 0,
      end: 3,
      kind: 'comment',
      visibility,
      authorId,
      hiddenAt: extra.hiddenAt,
    },
  });
}

async function checkListState(client: DatabaseClient) {
  for (const id of ['alice', 'bob']) await client.user.create({ data: { id, name: id, email: `${id}@example.test` } });
  expect(await readListState(client, 'a1', 'alice')).toEqual({ revision: 0, hasUnlisted: false });
  expect(await readListState(client, 'a1', null)).toEqual({ revision: 0, hasUnlisted: false });

  await client.articleActivity.create({ data: { article: 'a1', revision: 41 } });
  await note(client, 'shared-visible', 'alice', 'shared');
  await note(client, 'bob-private', 'bob', 'private');
  await note(client, 'alice-private-elsewhere', 'alice', 'private', { article: 'a2' });
  // Shared and visible, someone else's, or on another article: nothing beyond the shared list.
  expect(await readListState(client, 'a1', 'alice')).toEqual({ revision: 41, hasUnlisted: false });
  expect(await readListState(client, 'a1', null)).toEqual({ revision: 41, hasUnlisted: false });
  expect(await readListState(client, 'a1', 'bob')).toEqual({ revision: 41, hasUnlisted: true });

  await note(client, 'alice-hidden', 'alice', 'shared', { hiddenAt: new Date() });
  expect(await readListState(client, 'a1', 'alice')).toEqual({ revision: 41, hasUnlisted: true });
  expect(await readListState(client, 'a2', 'alice')).toEqual({ revision: 0, hasUnlisted: true });
}

describe('readListState', () => {
  it('on SQLite', async () => {
    await checkListState(await migratedClient(createSqliteDatabase, cleanups));
  });

  it.skipIf(unreachable !== null)('on PostgreSQL', async () => {
    await checkListState(await migratedClient(createPostgresDatabase, cleanups));
  });
});
