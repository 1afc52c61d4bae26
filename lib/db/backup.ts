// Backups of the app's database, and restores into an empty one (npm run db:backup / db:restore).
//
// SQLite: the online backup API (better-sqlite3's db.backup) copies the whole file in one step,
// that is inside one read transaction: a consistent snapshot even while the app writes (in WAL mode
// readers never block writers). The copy is switched to a rollback journal so it is one
// self-contained file, checked with PRAGMA integrity_check, and only then given its final name.
// PostgreSQL: pg_dump --format=custom --no-owner --no-privileges of the app's schema. The rows
// are counted in a transaction whose snapshot pg_dump imports (--snapshot), so the printed counts
// are exactly what the archive holds. The password goes through PGPASSWORD, never the command line.
//
// A restore never overwrites data: the target must hold none of our tables (SQLite: no table at
// all). It then runs the migration runner, so the restored database is ready for the app.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { postgresSchema, type Database } from './database-url';
import { applyMigrations, describePostgres, type ApplyResult } from './migrate';

/** The tables a backup holds (prisma/models.prisma plus the migration history), in print order. */
export const BACKUP_TABLES = [
  'User',
  'Session',
  'Account',
  'Verification',
  'Annotation',
  'AnnotationTag',
  'Reply',
  'Flag',
  'ArticleActivity',
  '_prisma_migrations',
] as const;

/** Rows per table, for the tables of BACKUP_TABLES the database has. */
export type TableCounts = Record<string, number>;

export type BackupResult = {
  /** The backup file, absolute. */
  file: string;
  bytes: number;
  /** Rows per table in the backup. */
  counts: TableCounts;
  /** What was checked and found, for the operator (versions, integrity_check). */
  notes: string[];
};

export type RestoreResult = {
  counts: TableCounts;
  /** The migration runner's pass over the restored database (normally nothing applied). */
  migrations: ApplyResult;
  notes: string[];
};

export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** `.data/backups/reader-<UTC timestamp>.db` (SQLite) or `.dump` (PostgreSQL), absolute, under cwd. */
export function defaultBackupFile(database: Database, now = new Date(), cwd = process.cwd()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const extension = database.provider === 'sqlite' ? 'db' : 'dump';
  return path.resolve(cwd, '.data/backups', `reader-${stamp}.${extension}`);
}

/** Rows per table of ours (BACKUP_TABLES) that the database has. Opens nothing that does not exist. */
export async function tableCounts(database: Database): Promise<TableCounts> {
  if (database.provider === 'sqlite') {
    const file = sqliteFile(database);
    if (!fs.existsSync(file)) throw new BackupError(`No SQLite database at ${file}`);
    return withSqlite(file, (db) => sqliteCounts(db));
  }
  return withPostgres(database.url, async (client) => postgresCounts(client, await targetSchema(client, database.url)));
}

/** One line per table: `  Annotation          42`. */
export function formatCounts(counts: TableCounts): string {
  const width = Math.max(...Object.keys(counts).map((t) => t.length), 0) + 2;
  return Object.entries(counts)
    .map(([table, rows]) => `  ${table.padEnd(width)}${rows.toLocaleString('en-US')}`)
    .join('\n');
}

/** Backs the database up to `file`, which must not exist (its folder is created). */
export async function backupDatabase(database: Database, file: string): Promise<BackupResult> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    const { counts, notes } =
      database.provider === 'sqlite' ? await backupSqlite(database, partial) : await backupPostgres(database, partial);
    publish(partial, target);
    return { file: target, bytes: fs.statSync(target).size, counts, notes };
  } finally {
    removeSqliteFiles(partial);
  }
}

/**
 * Restores a backup made by backupDatabase into the database, which must be empty: SQLite, no file
 * or a file without tables; PostgreSQL, none of our tables in the target schema. Then applies the
 * migration runner (nothing is pending when the backup comes from the same version of the app).
 */
export async function restoreDatabase(database: Database, file: string): Promise<RestoreResult> {
  const source = path.resolve(file);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new BackupError(`No backup file at ${source}`);
  const notes = database.provider === 'sqlite' ? restoreSqlite(database, source) : await restorePostgres(database, source);
  const migrations = await applyMigrations(database);
  const counts = await tableCounts(database);
  return { counts, migrations, notes };
}

// --- SQLite ---

function sqliteFile(database: Database): string {
  return database.file ?? database.url.replace(/^file:/, '');
}

function withSqlite<T>(file: string, run: (db: SqliteDatabase.Database) => T): T {
  const db = new SqliteDatabase(file, { fileMustExist: true, timeout: 5000 });
  try {
    return run(db);
  } finally {
    db.close();
  }
}

function sqliteTables(db: SqliteDatabase.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

function sqliteCounts(db: SqliteDatabase.Database): TableCounts {
  const present = new Set(sqliteTables(db));
  const counts: TableCounts = {};
  for (const table of BACKUP_TABLES) {
    if (present.has(table)) counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }
  return counts;
}

/** integrity_check's answer, `ok` when the file is sound. */
function integrity(db: SqliteDatabase.Database): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}

async function backupSqlite(database: Database, partial: string): Promise<{ counts: TableCounts; notes: string[] }> {
  const file = sqliteFile(database);
  if (!fs.existsSync(file)) throw new BackupError(`No SQLite database at ${file} (check DATABASE_URL)`);
  const db = new SqliteDatabase(file, { fileMustExist: true, timeout: 5000 });
  try {
    // The first step only starts the backup; the callback then asks for every page in one step,
    // i.e. one read transaction. Smaller steps would restart whenever the app commits in between.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  return withSqlite(partial, (copy) => {
    // The source is in WAL mode; the backup should be one file that needs no -wal beside it.
    copy.pragma('journal_mode = DELETE');
    const check = integrity(copy);
    if (check !== 'ok') throw new BackupError(`The backup copy of ${file} fails PRAGMA integrity_check: ${check}`);
    const counts = sqliteCounts(copy);
    if (!('_prisma_migrations' in counts)) {
      throw new BackupError(`${file} has no _prisma_migrations table: it is not a database of this app (run npm run db:migrate first?)`);
    }
    return { counts, notes: ['integrity_check: ok'] };
  });
}

function restoreSqlite(database: Database, source: string): string[] {
  const target = sqliteFile(database);
  refuseNonEmptySqlite(target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Checked on a copy beside the target, so the backup file itself is never opened for writing.
  const staging = `${target}.restore-${process.pid}`;
  try {
    fs.copyFileSync(source, staging, fs.constants.COPYFILE_EXCL);
    let check: string;
    let tables: string[];
    try {
      [check, tables] = withSqlite(staging, (db) => {
        const result = integrity(db);
        db.pragma('journal_mode = DELETE');
        return [result, sqliteTables(db)] as const;
      });
    } catch (error) {
      throw new BackupError(
        `${source} is not a SQLite database (${(error as Error).message}); a PostgreSQL .dump restores with DATABASE_URL=postgres://…`,
        { cause: error },
      );
    }
    if (check !== 'ok') throw new BackupError(`${source} fails PRAGMA integrity_check: ${check}`);
    if (!tables.includes('_prisma_migrations') || !tables.includes('Annotation')) {
      throw new BackupError(`${source} is not a backup of this app (no _prisma_migrations or Annotation table)`);
    }
    refuseNonEmptySqlite(target);
    // An empty target (no tables) and its -wal/-shm go: a stale WAL must never meet another file.
    removeSqliteFiles(target);
    publish(staging, target);
  } finally {
    removeSqliteFiles(staging);
  }
  return [`copied ${source} to ${target}`, 'integrity_check: ok'];
}

function refuseNonEmptySqlite(target: string): void {
  if (!fs.existsSync(target)) return;
  let tables: string[];
  try {
    tables = withSqlite(target, (db) => sqliteTables(db));
  } catch (error) {
    throw new BackupError(
      `Refusing to restore into ${target}: it exists and is not an empty SQLite database (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  if (tables.length > 0) {
    throw new BackupError(
      `Refusing to restore into ${target}: it already holds ${tables.length} table(s) (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}). ` +
        `A restore only goes into an empty database: point DATABASE_URL at a new file (file:<path>), or move this one away first.`,
    );
  }
}

// --- PostgreSQL ---

/** Query parameters Prisma (or our client) reads that libpq would reject as unknown. */
const PRISMA_ONLY_PARAMETERS = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'statement_cache_size',
  'socket_timeout',
  'sslaccept',
  'sslidentity',
  'max_connection_lifetime',
  'max_idle_connection_lifetime',
];

/** The URL as libpq (pg_dump, pg_restore) reads it: no password, no Prisma-only parameters. */
export function libpqConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: process.env.PGCONNECT_TIMEOUT ?? '10' };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  for (const name of PRISMA_ONLY_PARAMETERS) u.searchParams.delete(name);
  return { url: u.toString(), env };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withPostgres<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to PostgreSQL ${describePostgres(url)}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The schema the app's tables live in: `?schema=` of the URL, else the connection's current schema. */
async function targetSchema(client: pg.Client, url: string): Promise<string> {
  const named = postgresSchema(url);
  if (named) return named;
  const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  return rows[0]?.schema ?? 'public';
}

async function postgresCounts(client: pg.Client, schema: string): Promise<TableCounts> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name = ANY($2)`,
    [schema, [...BACKUP_TABLES]],
  );
  const present = new Set(rows.map((r) => r.table_name));
  const counts: TableCounts = {};
  for (const table of BACKUP_TABLES) {
    if (!present.has(table)) continue;
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(schema)}.${quoteIdent(table)}`);
    counts[table] = Number(result.rows[0]!.n);
  }
  return counts;
}

async function serverVersion(client: pg.Client): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ num: string; version: string }>(
    `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`,
  );
  return { major: Math.floor(Number(rows[0]!.num) / 10000), version: rows[0]!.version.split(' ')[0]! };
}

/** `pg_dump --version` → { major: 15, version: '15.20' }; a clear error when the tool is missing. */
export function postgresToolVersion(tool: 'pg_dump' | 'pg_restore'): { major: number; version: string } {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BackupError(
      missing
        ? `${tool} was not found on PATH. Install the PostgreSQL client tools, of the server's major version or newer ` +
            `(Debian/Ubuntu: apt-get install postgresql-client, or postgresql-client-<major> from apt.postgresql.org).`
        : `${tool} --version failed: ${result.error.message}`,
      { cause: result.error },
    );
  }
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(result.stdout);
  if (result.status !== 0 || !match)
    throw new BackupError(`${tool} --version did not answer as expected: ${(result.stdout + result.stderr).trim()}`);
  return { major: Number(match[1]), version: match[2] ? `${match[1]}.${match[2]}` : match[1]! };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new BackupError(`${tool} could not start: ${error.message}`, { cause: error })));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new BackupError(`${tool} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || '(no message)'}`));
    });
  });
}

async function backupPostgres(database: Database, partial: string): Promise<{ counts: TableCounts; notes: string[] }> {
  const client = postgresToolVersion('pg_dump');
  const libpq = libpqConnection(database.url);
  return withPostgres(database.url, async (connection) => {
    const server = await serverVersion(connection);
    if (client.major < server.major) {
      throw new BackupError(
        `pg_dump ${client.version} is older than the PostgreSQL server ${server.version} of ${describePostgres(database.url)}; ` +
          `pg_dump only dumps servers of its own major version or older. Install postgresql-client-${server.major} (or newer).`,
      );
    }
    const schema = await targetSchema(connection, database.url);
    // The counts and pg_dump share one snapshot, so the counts are those of the archive.
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const { rows } = await connection.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      const counts = await postgresCounts(connection, schema);
      if (!('_prisma_migrations' in counts)) {
        throw new BackupError(
          `Schema "${schema}" of ${describePostgres(database.url)} has no _prisma_migrations table: it is not a database of this app (run npm run db:migrate first?)`,
        );
      }
      await run(
        'pg_dump',
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          '--no-password',
          `--schema=${schema}`,
          `--snapshot=${rows[0]!.snapshot}`,
          `--file=${partial}`,
          `--dbname=${libpq.url}`,
        ],
        libpq.env,
      );
      const archive = await readArchive(partial);
      return {
        counts,
        notes: [
          `pg_dump ${client.version}, server ${server.version}${client.major > server.major ? ` (restoring needs pg_restore ${client.major} or newer)` : ''}`,
          `schema "${schema}"; archive readable by pg_restore (${archive.entries.length} entries)`,
        ],
      };
    } finally {
      await connection.query('COMMIT').catch(() => {});
    }
  });
}

type ArchiveEntry = { line: string; type: string; schema: string; name: string };

/** `pg_restore --list`: the archive's header facts and its table of contents. */
async function readArchive(file: string): Promise<{ list: string; dumpedBy?: number; dumpedFrom?: number; entries: ArchiveEntry[] }> {
  let list: string;
  try {
    list = await run('pg_restore', ['--list', file], process.env);
  } catch (error) {
    throw new BackupError(
      `${file} is not a pg_dump archive pg_restore can read (${(error as Error).message}); a SQLite .db backup restores with DATABASE_URL=file:<path>`,
      { cause: error },
    );
  }
  const major = (label: string) => {
    const match = new RegExp(`^;\\s+${label}:\\s+(\\d+)`, 'm').exec(list);
    return match ? Number(match[1]) : undefined;
  };
  const entries: ArchiveEntry[] = [];
  for (const line of list.split('\n')) {
    // "215; 1259 25099 TABLE public Annotation owner", "4; 2615 2200 SCHEMA - public owner",
    // "3349; 0 0 COMMENT - SCHEMA public owner".
    const match = /^\d+; \d+ \d+ (.+)$/.exec(line);
    if (!match) continue;
    const rest = match[1]!;
    const schemaEntry = /^(SCHEMA|COMMENT) - (?:SCHEMA )?(\S+)/.exec(rest);
    if (schemaEntry) {
      entries.push({
        line,
        type: rest.startsWith('COMMENT') ? 'SCHEMA COMMENT' : 'SCHEMA',
        schema: schemaEntry[2]!,
        name: schemaEntry[2]!,
      });
      continue;
    }
    const table = /^TABLE (?!DATA )(\S+) (\S+)/.exec(rest);
    if (table) entries.push({ line, type: 'TABLE', schema: table[1]!, name: table[2]! });
    else entries.push({ line, type: 'OTHER', schema: '', name: '' });
  }
  return { list, dumpedBy: major('Dumped by pg_dump version'), dumpedFrom: major('Dumped from database version'), entries };
}

async function restorePostgres(database: Database, source: string): Promise<string[]> {
  const tool = postgresToolVersion('pg_restore');
  const archive = await readArchive(source);
  const notes: string[] = [];
  if (archive.dumpedBy !== undefined && tool.major < archive.dumpedBy) {
    throw new BackupError(
      `${source} was written by pg_dump ${archive.dumpedBy}; pg_restore ${tool.version} is older and may not read it. Install postgresql-client-${archive.dumpedBy} (or newer).`,
    );
  }
  const tables = archive.entries.filter((e) => e.type === 'TABLE');
  const schemas = [...new Set(tables.map((e) => e.schema))];
  if (!tables.some((e) => e.name === '_prisma_migrations') || !tables.some((e) => e.name === 'Annotation')) {
    throw new BackupError(`${source} is not a backup of this app (it has no _prisma_migrations or Annotation table)`);
  }
  if (schemas.length !== 1)
    throw new BackupError(`${source} holds tables in several schemas (${schemas.join(', ')}); npm run db:backup writes one`);
  const backupSchema = schemas[0]!;
  const libpq = libpqConnection(database.url);
  const where = describePostgres(database.url);

  await withPostgres(database.url, async (client) => {
    const server = await serverVersion(client);
    notes.push(`pg_restore ${tool.version}, server ${server.version}`);
    if (archive.dumpedFrom !== undefined && archive.dumpedFrom > server.major) {
      notes.push(
        `warning: the backup comes from PostgreSQL ${archive.dumpedFrom}, newer than this server (${server.major}); objects may not restore`,
      );
    }
    const schema = await targetSchema(client, database.url);
    if (schema !== backupSchema) {
      throw new BackupError(
        `${source} holds schema "${backupSchema}", but DATABASE_URL's tables live in schema "${schema}" of ${where}. ` +
          `Restore with ${backupSchema === 'public' ? 'no ?schema= parameter' : `?schema=${backupSchema}`} in DATABASE_URL (pg_restore cannot rename a schema).`,
      );
    }
    const existing = await postgresCounts(client, schema);
    if (Object.keys(existing).length > 0) {
      throw new BackupError(
        `Refusing to restore into ${where} (schema "${schema}"): it already holds tables of this app ` +
          `(${Object.entries(existing)
            .map(([t, n]) => `${t}: ${n} rows`)
            .join(', ')}). A restore only goes into an empty database: create a new one (createdb <name>) and point DATABASE_URL at it.`,
      );
    }
    // The extensions the migrations create in schema public (pg_trgm, for the review's search), which a
    // dump of the app's schema refers to but does not hold.
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    // A schema that exists already (public in every new database) must not be created again.
    const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace');
    const existingSchemas = new Set(rows.map((r) => r.nspname));
    const skip = new Set(archive.entries.filter((e) => e.type.startsWith('SCHEMA') && existingSchemas.has(e.schema)).map((e) => e.line));
    const listFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reader-restore-')), 'list');
    fs.writeFileSync(
      listFile,
      archive.list
        .split('\n')
        .map((line) => (skip.has(line) ? `;${line}` : line))
        .join('\n'),
    );
    try {
      await run(
        'pg_restore',
        [
          '--no-owner',
          '--no-privileges',
          '--no-password',
          '--exit-on-error',
          '--single-transaction',
          `--use-list=${listFile}`,
          `--dbname=${libpq.url}`,
          source,
        ],
        libpq.env,
      );
    } finally {
      fs.rmSync(path.dirname(listFile), { recursive: true, force: true });
    }
    notes.push(`restored schema "${schema}" of ${where} in one transaction`);
  });
  return notes;
}

// --- files ---

/** Gives a finished file its name; fails rather than replace a file that appeared meanwhile. */
function publish(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupError(`${to} appeared while this ran; nothing was overwritten`, { cause: error });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    // A filesystem without hard links.
    if (fs.existsSync(to)) throw new BackupError(`${to} appeared while this ran; nothing was overwritten`);
    fs.renameSync(from, to);
  }
}

/** A SQLite file with its -wal, -shm and -journal. */
function removeSqliteFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}
