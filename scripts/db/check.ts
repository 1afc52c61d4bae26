// npm run db:check
//
// Fails when the committed migrations do not produce the models' schema. For each provider (SQLite
// always; PostgreSQL when TEST_DATABASE_URL or 127.0.0.1:5432 answers, otherwise it says it skipped):
//  1. prisma/<provider>/models.prisma is the shared prisma/models.prisma;
//  2. the Wasm schema engine replays the committed migrations in a shadow database and diffs the
//     result against the models (what `prisma migrate diff --from-migrations --to-schema` does);
//  3. the app's own applier (lib/db/migrate.ts) applies them to a throwaway database, which the
//     engine introspects and diffs against the models, and whose `_prisma_migrations` the engine
//     must read as fully applied (what a later `prisma migrate deploy` would conclude).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database, DatabaseProvider } from '../../lib/db/database-url';
import { applyMigrations } from '../../lib/db/migrate';
import { diffDatabaseToModels, diffMigrationsToModels, NO_FILTER, withSchemaEngine } from './engine-session';
import { createTemporaryDatabase, serverUrl, unreachableReason } from './postgres-server';
import { sharedModelProblems } from './schema-files';

const FIX = 'Author a migration with `npm run db:migration -- <name>` (or revert the model change).';

async function checkProvider(provider: DatabaseProvider): Promise<string[]> {
  const problems = sharedModelProblems(provider);
  if (problems.length > 0) return problems;

  const replay = await withSchemaEngine(provider, {}, async (context) => {
    const summary = await diffMigrationsToModels(context, false);
    return summary.changed ? { summary: summary.output, sql: (await diffMigrationsToModels(context, true)).output } : null;
  });
  if (replay) {
    return [
      `the committed migrations in prisma/${provider}/migrations do not produce the models of prisma/models.prisma.\n` +
        `Difference (committed migrations → models):\n${indent(replay.summary)}\n` +
        `SQL that a new migration would contain:\n${indent(replay.sql)}\n${FIX}`,
    ];
  }

  // The same migrations, applied by the app's applier.
  const scratch = await scratchDatabase(provider);
  try {
    await applyMigrations(scratch.database);
    return await withSchemaEngine(provider, { main: scratch.main }, async (context) => {
      const found: string[] = [];
      const applied = await diffDatabaseToModels(context, false);
      if (applied.changed) {
        found.push(`a database migrated by lib/db/migrate.ts differs from the models:\n${indent(applied.output)}`);
      }
      const history = await context.engine.diagnoseMigrationHistory({
        migrationsList: context.migrations,
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      });
      if (history.history || history.failedMigrationNames.length || history.editedMigrationNames.length) {
        found.push(
          `Prisma's engine does not read _prisma_migrations written by lib/db/migrate.ts as fully applied: ${JSON.stringify(history)}`,
        );
      }
      return found;
    });
  } finally {
    await scratch.drop();
  }
}

async function scratchDatabase(provider: DatabaseProvider): Promise<{ database: Database; main: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    const file = path.join(os.tmpdir(), `reader-check-${crypto.randomBytes(5).toString('hex')}.db`);
    return {
      database: { provider, url: `file:${file}`, file },
      main: file,
      async drop() {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
      },
    };
  }
  const temporary = await createTemporaryDatabase('reader_check');
  return { database: { provider, url: temporary.url }, main: temporary.url, drop: () => temporary.drop() };
}

function indent(text: string): string {
  return text
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function main(): Promise<number> {
  let failed = false;
  const report = (provider: DatabaseProvider, problems: string[]) => {
    if (problems.length === 0) {
      console.log(`db:check ${provider}: OK — the committed migrations produce the models.`);
      return;
    }
    failed = true;
    for (const problem of problems) console.error(`db:check ${provider}: FAILED — ${problem}`);
  };

  report('sqlite', await checkProvider('sqlite'));

  const unreachable = await unreachableReason(serverUrl());
  if (unreachable) {
    console.warn(
      `db:check postgresql: SKIPPED — the PostgreSQL server is unreachable (${unreachable}). ` +
        'Start it or set TEST_DATABASE_URL to check the PostgreSQL migrations.',
    );
  } else {
    report('postgresql', await checkProvider('postgresql'));
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`db:check: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
