// npm run db:migration -- <name> [--empty]
//
// Authors the next migration for BOTH providers: for each, the Wasm schema engine replays the
// committed migrations into a shadow database (SQLite: in memory; PostgreSQL: a temporary database
// on TEST_DATABASE_URL or 127.0.0.1:5432, dropped afterwards) and writes the SQL that takes it to
// prisma/models.prisma, as prisma/<provider>/migrations/<timestamp>_<name>/migration.sql (the same
// folder name for both). Nothing is applied: run `npm run db:migrate` next. `--empty` writes empty
// migrations to fill in by hand (data migrations, custom SQL).
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseProvider } from '../../lib/db/database-url';
import { defaultMigrationsDir } from '../../lib/db/migrate';
import { diffMigrationsToModels, migrationLock, withSchemaEngine } from './engine-session';
import { serverUrl, unreachableReason } from './postgres-server';
import { sharedModelProblems } from './schema-files';

const PROVIDERS: DatabaseProvider[] = ['sqlite', 'postgresql'];

/** Prisma's naming: UTC yyyyMMddHHmmss, then the name lowercased with other characters as "_". */
function migrationFolderName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new Error('give the migration a name: npm run db:migration -- <name>');
  return `${stamp}_${slug}`.slice(0, 200);
}

/**
 * `prisma migrate dev` heads a migration that may lose data with a warnings comment; the engine's
 * diff does not, so we add one when the summary drops or rewrites existing structure.
 */
function reviewWarning(summary: string): string {
  if (!/\[-\]|Redefined|Altered|Dropped/.test(summary)) return '';
  const lines = summary
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  return `/*\n  Warnings: this migration drops or rewrites existing structure; data in it may be lost.\n\n${lines
    .map((line) => (line.trim() ? `  ${line}` : ''))
    .join('\n')}\n*/\n`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const empty = args.includes('--empty');
  const name = args.filter((a) => !a.startsWith('--')).join('_');
  const folder = migrationFolderName(name);

  for (const provider of PROVIDERS) {
    const problems = sharedModelProblems(provider);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }
  const unreachable = await unreachableReason(serverUrl());
  if (unreachable) {
    throw new Error(
      `The PostgreSQL migration needs a PostgreSQL server for its shadow database, and none answers: ${unreachable}\n` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set TEST_DATABASE_URL.',
    );
  }

  const scripts = new Map<DatabaseProvider, string>();
  for (const provider of PROVIDERS) {
    const diff = await withSchemaEngine(provider, {}, async (context) => ({
      sql: await diffMigrationsToModels(context, true),
      summary: await diffMigrationsToModels(context, false),
    }));
    if (diff.sql.changed) {
      console.log(`${provider}:\n${diff.summary.output.replace(/^\s*\n/, '').trimEnd()}`);
      scripts.set(provider, reviewWarning(diff.summary.output) + diff.sql.output);
    } else if (empty) {
      scripts.set(provider, '-- This is an empty migration.\n');
    }
  }
  if (scripts.size === 0) {
    console.log('No changes: the committed migrations of both providers already produce prisma/models.prisma.');
    return 0;
  }
  if (scripts.size === 1 && !empty) {
    const [only] = scripts.keys();
    console.warn(`warning: only ${only} differs from the models; the other provider's migrations were already up to date.`);
  }

  for (const [provider, sql] of scripts) {
    const dir = defaultMigrationsDir(provider);
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    const lock = path.join(dir, 'migration_lock.toml');
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, migrationLock(provider));
    const file = path.join(dir, folder, 'migration.sql');
    fs.writeFileSync(file, sql);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  }

  if (!empty) {
    // The new history must now reproduce the models exactly.
    for (const provider of scripts.keys()) {
      const after = await withSchemaEngine(provider, {}, (context) => diffMigrationsToModels(context, false));
      if (after.changed) {
        throw new Error(`${provider}: the new migration does not reach the models; remaining difference:\n${after.output}`);
      }
    }
  }
  console.log(`Review the SQL, then apply it with: npm run db:migrate`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`db:migration: ${(error as Error).message ?? error}`);
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(error);
    process.exit(1);
  },
);
