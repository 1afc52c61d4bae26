// Applies the committed migrations of prisma/<provider>/migrations to a database, the way
// `prisma migrate deploy` does, without Prisma's native schema engine (it cannot be downloaded here).
//
// Compatibility with prisma migrate deploy: the same `_prisma_migrations` table (same DDL as the
// engine creates), one row per migration with a random UUID id, checksum = sha256 hex of the
// migration.sql bytes, started_at/finished_at, applied_steps_count = 1 and logs NULL once applied;
// migrations are taken in the order Prisma takes them (folder names, localeCompare). A later real
// `prisma migrate deploy` sees these migrations as applied. The PostgreSQL run holds Prisma's own
// advisory lock (72707369), so it never races a concurrent prisma migrate deploy or another app
// instance.
//
// Unlike prisma migrate deploy, each migration runs in one transaction together with its
// `_prisma_migrations` row: if its SQL fails, nothing of it remains and nothing is recorded, and
// the next run tries again. (SQLite: foreign keys are switched off around the transaction, as
// SQLite's table-redefinition procedure requires, and checked with foreign_key_check before commit.)
// It refuses to run when a recorded migration's checksum differs from its file, or when a
// migration is recorded as failed (left by prisma migrate deploy or by hand).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrationsFolder, postgresSchema, type Database as DatabaseTarget, type DatabaseProvider } from './database-url';

export type Migration = {
  /** The folder name, e.g. 20260101120000_init: what `_prisma_migrations.migration_name` holds. */
  name: string;
  /** The content of migration.sql. */
  sql: string;
  /** sha256 hex of migration.sql's bytes, as Prisma records it. */
  checksum: string;
};

export type MigrationRecord = {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
  logs: string | null;
  applied_steps_count: number;
};

export type ApplyResult = {
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Migrations that were already applied. */
  alreadyApplied: string[];
  /** Migrations recorded in the database but missing from the migrations folder (a newer deploy?). */
  unknown: string[];
};

export type ApplyOptions = {
  /** Defaults to prisma/<provider>/migrations under process.cwd(). */
  migrationsDir?: string;
  /** Progress lines ("Applied 2026…_init"); silent by default. */
  log?: (line: string) => void;
};

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** sha256 hex of the file content, as Prisma's schema engine computes migration checksums. */
export function migrationChecksum(content: string | Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

/** The migrations folder of a provider, absolute, under process.cwd(). */
export function defaultMigrationsDir(provider: DatabaseProvider, cwd = process.cwd()): string {
  return path.resolve(cwd, migrationsFolder(provider));
}

/**
 * Reads a migrations folder: every sub-folder is a migration and must hold migration.sql; sorted as
 * the Prisma CLI sorts them. When migration_lock.toml exists it must name `provider`.
 */
export function readMigrations(dir: string, provider: DatabaseProvider): Migration[] {
  if (!fs.existsSync(dir)) return [];
  const lock = path.join(dir, 'migration_lock.toml');
  if (fs.existsSync(lock)) {
    const locked = /^\s*provider\s*=\s*"([^"]*)"/m.exec(fs.readFileSync(lock, 'utf8'))?.[1];
    if (locked !== provider) {
      throw new MigrationError(`${lock} is for provider "${locked ?? '?'}", but the database is ${provider}`);
    }
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(file)) throw new MigrationError(`${file} is missing: every migration folder needs a migration.sql`);
      const bytes = fs.readFileSync(file);
      return { name, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    });
}

/**
 * Checks the recorded migrations against the folder and returns the pending ones. Throws on a
 * failed migration or a checksum mismatch. Rows marked rolled back are ignored, as Prisma does.
 */
export function planMigrations(
  migrations: Migration[],
  records: MigrationRecord[],
  where: string,
): { pending: Migration[]; alreadyApplied: string[]; unknown: string[] } {
  const live = records.filter((r) => r.rolled_back_at === null || r.rolled_back_at === undefined);
  const failed = live.filter((r) => r.finished_at === null || r.finished_at === undefined);
  if (failed.length > 0) {
    const r = failed[0]!;
    throw new MigrationError(
      `Migration ${r.migration_name} is recorded as failed in _prisma_migrations of ${where}` +
        (r.logs ? ` (log: ${r.logs.trim().split('\n')[0]})` : '') +
        `. Repair the database by hand, then mark it rolled back ` +
        `(UPDATE _prisma_migrations SET rolled_back_at = CURRENT_TIMESTAMP WHERE id = '${r.id}') so it is applied again.`,
    );
  }
  const byName = new Map(live.map((r) => [r.migration_name, r]));
  const known = new Set(migrations.map((m) => m.name));
  const pending: Migration[] = [];
  const alreadyApplied: string[] = [];
  for (const migration of migrations) {
    const record = byName.get(migration.name);
    if (!record) {
      pending.push(migration);
      continue;
    }
    if (record.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was modified after it was applied to ${where}: ` +
          `_prisma_migrations has checksum ${record.checksum}, migration.sql now has ${migration.checksum}. ` +
          `Restore the file as it was applied and put the change in a new migration (npm run db:migration -- <name>).`,
      );
    }
    alreadyApplied.push(migration.name);
  }
  const unknown = [...byName.keys()].filter((name) => !known.has(name));
  return { pending, alreadyApplied, unknown };
}

/**
 * Applies the pending committed migrations of `database` (idempotent). SQLite: creates the file and
 * its folder when missing. Throws MigrationError naming the migration when one fails.
 */
export async function applyMigrations(database: DatabaseTarget, options: ApplyOptions = {}): Promise<ApplyResult> {
  const dir = options.migrationsDir ?? defaultMigrationsDir(database.provider);
  const migrations = readMigrations(dir, database.provider);
  const log = options.log ?? (() => {});
  return database.provider === 'sqlite' ? applySqlite(database, migrations, log) : applyPostgres(database, migrations, log);
}

// --- SQLite ---

// Exactly the table Prisma's schema engine creates on SQLite.
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function applySqlite(database: DatabaseTarget, migrations: Migration[], log: (line: string) => void): ApplyResult {
  const file = database.file ?? database.url.replace(/^file:/, '');
  const where = `SQLite database ${file}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!hasTable) db.exec(SQLITE_MIGRATIONS_TABLE);
    const records = () => db.prepare('SELECT * FROM _prisma_migrations ORDER BY started_at').all() as MigrationRecord[];
    const plan = planMigrations(migrations, records(), where);

    const applied: string[] = [];
    const alreadyApplied = [...plan.alreadyApplied];
    for (const migration of plan.pending) {
      // Outside the transaction (PRAGMA foreign_keys is a no-op inside one): a migration that
      // redefines a table drops and recreates it, which must not cascade to other tables' rows.
      db.pragma('foreign_keys = OFF');
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          // Another process may have applied it since we looked.
          const done = db
            .prepare('SELECT 1 FROM _prisma_migrations WHERE migration_name = ? AND rolled_back_at IS NULL')
            .get(migration.name);
          if (done) {
            db.exec('ROLLBACK');
            alreadyApplied.push(migration.name);
            continue;
          }
          const id = crypto.randomUUID();
          // Prisma's engine stores SQLite datetimes as Unix milliseconds.
          db.prepare(
            'INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count) VALUES (?, ?, ?, ?, 0)',
          ).run(id, migration.checksum, Date.now(), migration.name);
          db.exec(migration.sql);
          const violations = db.pragma('foreign_key_check') as unknown[];
          if (violations.length > 0) {
            throw new Error(`it leaves ${violations.length} foreign key violation(s): ${JSON.stringify(violations.slice(0, 3))}`);
          }
          db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(Date.now(), id);
          db.exec('COMMIT');
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw new MigrationError(
            `Migration ${migration.name} failed on ${where} and was rolled back (nothing of it was applied or recorded): ${(error as Error).message}`,
            { cause: error },
          );
        }
      } finally {
        db.pragma('foreign_keys = ON');
      }
      applied.push(migration.name);
      log(`Applied ${migration.name}`);
    }
    return { applied, alreadyApplied, unknown: plan.unknown };
  } finally {
    db.close();
  }
}

// --- PostgreSQL ---

// Exactly the table Prisma's schema engine creates on PostgreSQL.
const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock key Prisma's schema engine takes around migrate commands. */
const PRISMA_ADVISORY_LOCK = 72707369;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function applyPostgres(database: DatabaseTarget, migrations: Migration[], log: (line: string) => void): Promise<ApplyResult> {
  const where = `PostgreSQL database ${describePostgres(database.url)}`;
  const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(`Cannot connect to ${where}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const schema = postgresSchema(database.url);
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    }
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    try {
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query<MigrationRecord>('SELECT * FROM _prisma_migrations ORDER BY started_at');
      const plan = planMigrations(migrations, rows, where);
      const applied: string[] = [];
      for (const migration of plan.pending) {
        try {
          await client.query('BEGIN');
          const id = crypto.randomUUID();
          await client.query(
            'INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 0)',
            [id, migration.checksum, migration.name],
          );
          // No parameters: the simple query protocol, which runs a multi-statement script.
          await client.query(migration.sql);
          await client.query('UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw new MigrationError(
            `Migration ${migration.name} failed on ${where} and was rolled back (nothing of it was applied or recorded): ${(error as Error).message}`,
            { cause: error },
          );
        }
        applied.push(migration.name);
        log(`Applied ${migration.name}`);
      }
      return { applied, alreadyApplied: plan.alreadyApplied, unknown: plan.unknown };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** host:port/database of a PostgreSQL URL, without credentials, for messages. */
export function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
