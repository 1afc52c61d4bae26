// Database objects the shared Prisma schema cannot describe, because they exist on one database only
// (prisma/models.prisma serves both): indexes named `raw_*`, created by hand-written migrations, such
// as the review search's covering indexes on SQLite and its trigram index on PostgreSQL
// (docs/decisions/009). Prisma's diff would drop them; the schema checks and the migration author
// leave them alone, and anything else that differs still counts.

/** Whether a statement of a diff's SQL only drops one of our raw objects. */
const dropsRawObject = (statement: string) => /^DROP INDEX\s+(IF EXISTS\s+)?("[^"]*"\.)?"raw_[^"]*"\s*;?$/i.test(statement.trim());

/** A diff's SQL without the statements that drop raw objects (and the comment line Prisma puts above each). */
export function withoutRawObjects(sql: string): string {
  const kept: string[] = [];
  for (const block of sql.split(/\n\s*\n/)) {
    const statements = block
      .split('\n')
      .filter((line) => !/^\s*--/.test(line))
      .join('\n')
      .trim();
    if (statements && dropsRawObject(statements)) continue;
    kept.push(block);
  }
  return kept.join('\n\n');
}

/** Whether a diff's SQL changes anything once raw objects are left alone. */
export function changesBeyondRawObjects(sql: string): boolean {
  return withoutRawObjects(sql)
    .split('\n')
    .some((line) => line.trim() && !/^\s*--/.test(line));
}
