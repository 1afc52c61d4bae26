// npm run db:backup -- [file]
//
// Backs up the database named by DATABASE_URL (default: the SQLite file .data/reader.db) to `file`,
// by default .data/backups/reader-<UTC timestamp>.db (SQLite) or .dump (PostgreSQL), and prints the
// row counts it holds. Safe while the app is running. SQLite: the online backup API, then
// PRAGMA integrity_check on the copy. PostgreSQL: pg_dump --format=custom --no-owner --no-privileges
// of the app's schema (needs pg_dump of the server's major version or newer). Never overwrites a file.
// Restore with npm run db:restore -- <file> (lib/db/backup.ts).
import { resolveDatabase } from '../../lib/db/database-url';
import { backupDatabase, defaultBackupFile, formatCounts } from '../../lib/db/backup';
import { describePostgres } from '../../lib/db/migrate';

const USAGE = 'usage: npm run db:backup -- [file]   (default .data/backups/reader-<UTC timestamp>.db or .dump)';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) throw new Error(USAGE);
  const database = resolveDatabase();
  const where = database.provider === 'sqlite' ? `SQLite ${database.file}` : `PostgreSQL ${describePostgres(database.url)}`;
  const result = await backupDatabase(database, args[0] ?? defaultBackupFile(database));
  console.log(`Backed up ${where} to ${result.file} (${result.bytes.toLocaleString('en-US')} bytes)`);
  for (const note of result.notes) console.log(note);
  console.log(`rows:\n${formatCounts(result.counts)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`db:backup: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
