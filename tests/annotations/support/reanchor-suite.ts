// The re-anchoring proof (reanchor-proof.ts) on a real, migrated database: the notes are written and
// re-anchored through the domain functions the app uses, on SQLite or on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { createPostgresDatabase, createSqliteDatabase } from '../../db/databases';
import type { TestDatabase } from '../../db/migrator-suite';
import { checkPlacements, editionOf, edits, noteBodies, slug, type StoredNote } from './reanchor-proof';

const stored = { id: true, lang: true, start: true, end: true, exact: true, sentenceIds: true, orphaned: true } as const;

export function reanchorSuite(provider: 'sqlite' | 'postgresql') {
  describe(`notes survive edits of the article's text (${provider})`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await (provider === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase());
      await applyMigrations(database.database);
      process.env.DATABASE_URL = database.database.url; // lib/db.ts reads it on first use, below
    });
    afterAll(async () => {
      await (await import('@/lib/db')).disconnectDatabase();
      await database?.drop();
    });

    for (const [name, edit] of Object.entries(edits)) {
      it(`${name}: each of 500 notes keeps its words or is an orphan, none is misplaced, the counts follow`, async () => {
        const { db } = await import('@/lib/db');
        const { createAnnotation } = await import('@/lib/annotations/service');
        const { reanchorArticle } = await import('@/lib/annotations/reanchor');
        const { recomputeTallies } = await import('@/lib/annotations/recompute-tallies');

        await db.annotation.deleteMany({});
        await db.sentenceActivity.deleteMany({});
        await db.articleActivity.deleteMany({});
        const author = { id: 'reader', name: 'reader', role: 'reader' };
        await db.user.upsert({ where: { id: author.id }, create: { ...author, email: 'reader@example.com' }, update: {} });
        for (const body of noteBodies()) await createAnnotation(slug, async () => body, author);
        const original = new Map<string, StoredNote>((await db.annotation.findMany({ select: stored })).map((note) => [note.id, note]));

        const edition = editionOf(edit());
        const outcome = await reanchorArticle(slug, edition);
        const after = await db.annotation.findMany({ select: stored });
        const placed = checkPlacements(original, after, edition, outcome);
        if (name === 'a paragraph inserted near the top') {
          // Ids belong to the text, not its place: no note on the text after the new paragraph changes sentences.
          for (const note of after) expect(note.sentenceIds).toBe(original.get(note.id)!.sentenceIds);
        }
        console.log(`${provider}, ${name}: ${JSON.stringify({ ...outcome, ...placed })}`);

        // The counts moved with the notes: what counting every note again gives.
        const counts = async () =>
          (
            await db.sentenceActivity.findMany({
              where: { article: slug, notes: { gt: 0 } },
              select: { sentenceId: true, notes: true, supported: true, disputed: true, refuted: true, unverified: true },
              orderBy: { sentenceId: 'asc' },
            })
          ).map((row) => JSON.stringify(row));
        const kept = await counts();
        await recomputeTallies(db, slug);
        expect(kept).toEqual(await counts());

        // Every note is now on the new revision: running again finds nothing to do.
        expect(await reanchorArticle(slug, edition)).toEqual({ position: 0, quote: 0, fuzzy: 0, orphaned: 0 });
      }, 180_000);
    }
  });
}
