// The kept discussion counts under concurrent writes to the same notes, on a real PostgreSQL
// database (READ COMMITTED, a pool of connections: where writes really interleave). Moderators hide
// and restore, authors edit and delete, repliers answer, all at once; afterwards the counts must be
// what counting the notes from scratch gives, and the revision must have moved once per write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporaryDatabase, serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { applyMigrations } from '@/lib/db/migrate';
import { validCreateBody } from '../properties/bodies';

const unreachable = await unreachableReason(serverUrl());
const article = 'deepseek-capex';

describe.skipIf(unreachable)('discussion counts under concurrent writes (PostgreSQL)', () => {
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const temporary = await createTemporaryDatabase('reader_concurrent');
    await applyMigrations({ provider: 'postgresql', url: temporary.url });
    process.env.DATABASE_URL = temporary.url; // lib/db.ts reads it on first use, below
    drop = async () => {
      await (await import('@/lib/db')).disconnectDatabase();
      await temporary.drop();
    };
  });
  afterAll(() => drop?.());

  it('equal a recount after hides, restores, edits, deletions and replies race on the same notes', async () => {
    const { db } = await import('@/lib/db');
    const { createAnnotation, updateAnnotation, deleteAnnotation } = await import('@/lib/annotations/service');
    const { moderateAnnotation } = await import('@/lib/annotations/moderation');
    const { createReply } = await import('@/lib/annotations/replies');
    const { articleSummary } = await import('@/lib/annotations/read-model');

    const viewer = (id: string, role = 'reader') => ({ id, name: id, role });
    await db.user.createMany({
      data: ['author', 'moderator', 'replier'].map((id) => ({
        id,
        name: id,
        email: `${id}@example.com`,
        role: id === 'moderator' ? 'moderator' : 'reader',
      })),
    });
    const author = viewer('author');
    const moderator = viewer('moderator', 'moderator');
    const replier = viewer('replier');
    const body = (value: unknown) => async () => value;

    const notes = [];
    for (let i = 0; i < 12; i++) {
      const kind = i % 2 ? 'claim' : 'comment';
      const fields = { kind, body: `Note ${i}`, visibility: 'shared', ...(kind === 'claim' && { verdict: 'disputed' }) };
      notes.push(await createAnnotation(article, body(validCreateBody('zh', i * 37, 12, fields)), author));
    }
    const before = (await articleSummary(article)).revision;

    // Every note at once: hidden by the moderator, made private or turned into a comment by its author,
    // answered, restored; some deleted. Each write may fail (a stale version, a note already gone);
    // whatever lands must be counted exactly once.
    const writes = notes.flatMap((note, i) => [
      () => moderateAnnotation(note.id, body({ action: 'hide', reason: 'race' }), moderator),
      () =>
        updateAnnotation(
          note.id,
          body(i % 3 ? { visibility: 'private', version: note.version } : { kind: 'comment', version: note.version }),
          author,
        ),
      () => createReply(note.id, body({ body: 'An answer' }), replier),
      () => moderateAnnotation(note.id, body({ action: 'restore' }), moderator),
      ...(i % 4 === 0 ? [() => deleteAnnotation(note.id, author)] : []),
    ]);
    const results = await Promise.allSettled(writes.map((write) => write()));
    const landed = results.filter((result) => result.status === 'fulfilled').length;
    expect(landed).toBeGreaterThan(notes.length);

    const kept = await articleSummary(article);
    const { recomputeTallies } = await import('@/lib/annotations/recompute-tallies');
    await recomputeTallies(db, article);
    const counted = await articleSummary(article);
    expect(kept.totals).toEqual(counted.totals);
    expect(kept.sentences).toEqual(counted.sentences);
    // Every write that landed and that others could see moved the revision, none more than once.
    expect(kept.revision - before).toBeGreaterThan(notes.length);
    expect(kept.revision - before).toBeLessThanOrEqual(landed);
  }, 60_000);
});

if (unreachable) console.warn(`concurrent tallies SKIPPED: PostgreSQL unreachable (${unreachable})`);
