// npm run db:seed:many [-- --notes=100000 --replies=0 --hot=0]
//
// Many shared notes on one article, for load tests and benchmarks (exports, lists, the review page):
// `--notes` notes (default 100,000) and `--replies` replies spread over them (default none), by a
// handful of generated readers, on the database DATABASE_URL names (SQLite by default). Rows are
// written 2,000 notes (with their tags and replies) per transaction, in multi-row INSERTs whose
// values Prisma binds (lib/seed/insert-rows.ts: createMany spent over a minute on 100,000 notes),
// not through the domain functions, which take about a millisecond a note; they hold what
// createAnnotation would store (selectors described from the article's text, rendered bodies,
// tags). Adds to what is there; the article's revision is bumped once at the end, so kept lists
// are read again.
import { settleWrite } from '../../lib/annotations/activity';
import { recomputeTallies } from '../../lib/annotations/recompute-tallies';
import { db } from '../../lib/db';
import { insertNoteBatch, manyNoteBatches, manyNotesArticle, manyNotesReaders } from '../../lib/seed/many-notes';
import { runDatabaseScript } from '../run-database-script';

function count(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${arg}".`);
  return value;
}

async function main(): Promise<string> {
  const started = performance.now();
  const notes = count('notes', 100_000);
  const replies = count('replies', 0);
  // Of the notes, --hot go on one sentence (lib/seed/many-notes.ts hotSentence).
  const hot = count('hot', 0);
  const readers = manyNotesReaders();
  for (const reader of readers) await db.user.upsert({ where: { id: reader.id }, create: reader, update: {}, select: { id: true } });

  // The notes end about now, a second apart (two at each instant), after anything seeded before.
  const from = new Date(Date.now() - Math.ceil(notes / 2) * 1000);
  let written = 0;
  for (const batch of manyNoteBatches({
    notes,
    replies,
    hot,
    authors: readers.map((r) => r.id),
    authorNames: Object.fromEntries(readers.map((r) => [r.id, r.name])),
    from,
  })) {
    await insertNoteBatch(db, batch);
    written += batch.annotations.length;
    if (written % 20_000 === 0 || written === notes) process.stdout.write(`  ${written} notes\n`);
  }
  // The discussion counts of the article, once, from what is now there (writes keep them after this).
  await recomputeTallies(db, manyNotesArticle);
  await settleWrite(manyNotesArticle, null);
  // Statistics for the planner after a bulk load, as after any: without them PostgreSQL does not know
  // that a rare word is best found through the trigram index (decision 9), until autovacuum gets to it.
  await db.$executeRawUnsafe('ANALYZE');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `db:seed:many: ${notes} shared notes and ${replies} replies on "${manyNotesArticle}" by ${readers.length} readers in ${seconds} s.`;
}

runDatabaseScript('db:seed:many', main);
