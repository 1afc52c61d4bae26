// npm run db:restore -- <file>
//
// Restores a backup written by npm run db:backup into the database named by DATABASE_URL (default:
// the SQLite file .data/reader.db), which must be empty: refused, changing nothing, when it already
// holds tables (SQLite: any table; PostgreSQL: any of the app's tables in its schema). SQLite: the
// checked copy of the .db file is put in place. PostgreSQL: pg_restore --no-owner --no-privileges in
// one transaction into a new database (createdb <name>). Then prints the row counts and runs the
// migration runner, so the app can start on the restored database at once (lib/db/backup.ts).
import { resolveDatabase } from '../../lib/db/database-url';
import { formatCounts, restoreDatabase } from '../../lib/db/backup';
import { describePostgres } from '../../lib/db/migrate';

const USAGE = 'usage: npm run db:restore -- <file>   (into the empty database of DATABASE_URL)';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) throw new Error(USAGE);
  const database = resolveDatabase();
  const where = database.provider === 'sqlite' ? `SQLite ${database.file}` : `PostgreSQL ${describePostgres(database.url)}`;
  const result = await restoreDatabase(database, args[0]!);
  console.log(`Restored ${args[0]} into ${where}`);
  for (const note of result.notes) console.log(note);
  console.log(`rows:\n${formatCounts(result.counts)}`);
  const { applied, alreadyApplied, unknown } = result.migrations;
  for (const name of unknown) {
    console.warn(
      `warning: ${name} is recorded in the backup's _prisma_migrations but is not in prisma/${database.provider}/migrations (a backup from a newer version?)`,
    );
  }
  console.log(
    applied.length > 0
      ? `migrations: applied ${applied.length} pending migration(s) the backup predates (${applied.join(', ')}); ${alreadyApplied.length} were already applied.`
      : `migrations: up to date (${alreadyApplied.length} applied); the app can start on this database.`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`db:restore: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
