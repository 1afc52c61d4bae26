// npm run db:migrate
//
// Applies the pending committed migrations to the database named by DATABASE_URL (default: the
// SQLite file .data/reader.db, created with its folder when missing), with the same applier the app
// uses (lib/db/migrate.ts). Idempotent.
import { resolveDatabase } from '../../lib/db/database-url';
import { applyMigrations, describePostgres } from '../../lib/db/migrate';

async function main(): Promise<void> {
  const database = resolveDatabase();
  const where = database.provider === 'sqlite' ? `SQLite ${database.file}` : `PostgreSQL ${describePostgres(database.url)}`;
  const result = await applyMigrations(database, { log: (line) => console.log(line) });
  for (const name of result.unknown) {
    console.warn(`warning: ${name} is recorded in _prisma_migrations of ${where} but is not in prisma/${database.provider}/migrations`);
  }
  console.log(
    result.applied.length > 0
      ? `${where}: applied ${result.applied.length} migration(s); ${result.alreadyApplied.length} were already applied.`
      : `${where}: up to date (${result.alreadyApplied.length} migration(s) applied).`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`db:migrate: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
