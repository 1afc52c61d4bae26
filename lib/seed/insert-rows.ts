import type { DatabaseClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma-sqlite/client';

/**
 * Bound values per INSERT: under SQLite's limit (32,766) and PostgreSQL's (65,535), so one batch
 * may need a few statements.
 */
const maxValuesPerStatement = 30_000;

/** The tables `insertStatements` writes to: their names are ours, never a caller's text. */
export type SeedTable = 'Annotation' | 'AnnotationTag' | 'Reply' | 'AnnotationSentence';

/**
 * The statements that insert `rows` (all with the same fields, named as the table's columns) into
 * `table`, several rows per statement, for one `$transaction([...])`. Prisma binds the values, so
 * dates and booleans are stored as its own writes store them on either database. Seeding only:
 * `createMany` spends about half a millisecond of CPU a row building its query (100,000 notes and
 * their tags took over a minute here); this takes about a fifth of that.
 */
export function insertStatements(client: DatabaseClient, table: SeedTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const columnList = Prisma.raw(columns.map((column) => `"${column}"`).join(', '));
  const rowsPerStatement = Math.floor(maxValuesPerStatement / columns.length);
  const statements = [];
  for (let first = 0; first < rows.length; first += rowsPerStatement) {
    const values = rows
      .slice(first, first + rowsPerStatement)
      .map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column]))})`);
    statements.push(client.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList}) VALUES ${Prisma.join(values)}`);
  }
  return statements;
}
