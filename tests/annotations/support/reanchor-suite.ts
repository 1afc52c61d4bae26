// The re-anchoring proof (reanchor-proof.ts) on a real, migrated database, SQLite or PostgreSQL: the
// notes are written on the revision before the edit as the app stores them (rows, sentence rows,
// counts), and re-anchored by the domain function `npm start` runs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNoteMarkdown } from '@/lib/annotations/render-markdown';
import { searchFields } from '@/lib/review/search-fields';
import { applyMigrations } from '@/lib/db/migrate';
import { createPostgresDatabase, createSqliteDatabase } from '../../db/databases';
import type { TestDatabase } from '../../db/migrator-suite';
import { checkPlacements, edits, notesOn, slug, type Edition, type StoredNote } from './reanchor-proof';

const stored = { id: true, lang: true, start: true, end: true, exact: true, sentenceIds: true, orphaned: true } as const;

/** A note as the app stores it, on the revision `before`. */
function noteRow(note: ReturnType<typeof notesOn>[number], before: Edition, author: { id: string; name: string }) {
  const { lang, description, kind, verdict, body, visibility } = note;
  const [quote, position] = description.selectors;
  const fields = { lang, blockId: description.blockId, sentenceIds: description.sentenceIds, exact: quote.exact, start: position.start };
  const { searchText, readingOrder } = searchFields({ ...fields, body, tags: [], authorName: author.name, replies: [] }, before.outline);
  const createdAt = new Date();
  return {
    id: randomUUID(),
    article: slug,
    ...fields,
    sentenceIds: JSON.stringify(description.sentenceIds),
    prefix: quote.prefix,
    suffix: quote.suffix,
    end: position.end,
    textRevision: before.textRevision,
    kind,
    verdict,
    body,
    bodyHtml: renderNoteMarkdown(body),
    visibility,
    authorId: author.id,
    searchText,
    readingOrder,
    createdAt,
    updatedAt: createdAt,
  };
}

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
        const { reanchorArticle } = await import('@/lib/annotations/reanchor');
        const { recomputeTallies } = await import('@/lib/annotations/recompute-tallies');
        const { sentenceRows } = await import('@/lib/annotations/tally');

        await db.annotation.deleteMany({});
        await db.sentenceActivity.deleteMany({});
        await db.articleActivity.deleteMany({});
        const author = { id: 'reader', name: 'reader', email: 'reader@example.com' };
        await db.user.upsert({ where: { id: author.id }, create: author, update: {} });
        const { before, after: edition } = edit();
        const rows = notesOn(before).map((note) => noteRow(note, before, author));
        await db.annotation.createMany({ data: rows });
        await db.annotationSentence.createMany({
          data: rows.flatMap((row) => sentenceRows({ ...row, sentenceIds: JSON.parse(row.sentenceIds) }, row.visibility === 'shared')),
        });
        await recomputeTallies(db, slug);
        const original = new Map<string, StoredNote>((await db.annotation.findMany({ select: stored })).map((note) => [note.id, note]));

        const outcome = await reanchorArticle(slug, edition);
        const after = await db.annotation.findMany({ select: stored });
        const placed = checkPlacements(original, after, before, edition, outcome);
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

        // What readers are told: an orphan says so, a placed note does not.
        const { readableAnnotation } = await import('@/lib/annotations/read-model');
        const reader = { id: author.id, name: author.name, role: 'reader' };
        for (const note of [after.find((n) => n.orphaned), after.find((n) => !n.orphaned)].filter((n) => n !== undefined)) {
          expect(await readableAnnotation(note.id, reader)).toMatchObject({
            orphaned: note.orphaned,
            sentenceIds: JSON.parse(note.sentenceIds),
          });
        }

        // Every note is now on the new revision: running again finds nothing to do.
        expect(await reanchorArticle(slug, edition)).toEqual({ position: 0, quote: 0, fuzzy: 0, orphaned: 0 });
      }, 180_000);
    }
  });
}
