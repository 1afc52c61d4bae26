// Backups and restores on real databases, through the documented commands (npx tsx
// scripts/db/backup.ts / restore.ts with DATABASE_URL) and lib/db/backup.ts. SQLite: backed up while
// another process keeps writing; PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432): pg_dump and
// pg_restore into a fresh throwaway database, skipped only when the server or the tools are absent.
// Every restore goes into an empty database and is compared, row by row and column by column, with
// the original; a restore into a database that holds data is refused and changes nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupDatabase,
  libpqConnection,
  postgresToolVersion,
  restoreDatabase,
  tableCounts,
  type TableCounts,
} from '@/lib/db/backup';
import { createDatabaseClient, type DatabaseClient } from '@/lib/db/client';
import type { Database as DatabaseTarget } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrate';
import { createTemporaryDatabase, describeUrl, serverUrl, unreachableReason } from '@/scripts/db/postgres-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT_TIMEOUT = 120_000;
/** The committed migrations (the same for both providers): a restored database has them all applied. */
const MIGRATIONS = fs
  .readdirSync(path.join(ROOT, 'prisma/sqlite/migrations'), { withFileTypes: true })
  .filter((d) => d.isDirectory()).length;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// --- the data: every column, Chinese text, a 10,000-character body ---

const LONG_BODY = '长文：**引用**与数据 😀 The long note, '.repeat(400).slice(0, 10_000);

async function seed(client: DatabaseClient): Promise<void> {
  const at = (n: number) => new Date(Date.UTC(2026, 10, 1, 8, 0, 0) + n * 61_001);
  await client.user.createMany({
    data: [
      { id: 'u-zh', name: '读者甲', email: 'jia@example.com', emailVerified: true, createdAt: at(0) },
      {
        id: 'u-mod',
        name: 'Moderator 版主',
        email: 'mod@example.com',
        role: 'moderator',
        image: 'https://example.com/a.png',
        createdAt: at(1),
      },
      { id: 'u-en', name: 'Reader', email: 'reader@example.com', createdAt: at(2) },
    ],
  });
  await client.session.create({
    data: { id: 's-1', token: 'token-1', expiresAt: at(5000), ipAddress: '127.0.0.1', userAgent: 'vitest', userId: 'u-zh' },
  });
  await client.account.create({
    data: { id: 'acc-1', accountId: 'u-zh', providerId: 'credential', userId: 'u-zh', password: 'scrypt$salt$hash' },
  });
  await client.verification.create({ data: { id: 'v-1', identifier: 'jia@example.com', value: '验证', expiresAt: at(9000) } });

  const kinds = ['highlight', 'comment', 'question', 'claim'] as const;
  for (let i = 0; i < 24; i++) {
    const kind = kinds[i % 4]!;
    const zh = i % 2 === 0;
    await client.annotation.create({
      data: {
        id: `a-${String(i).padStart(2, '0')}`,
        article: i < 12 ? 'article-one' : '第二篇',
        lang: zh ? 'zh' : 'en',
        blockId: `p${String(i + 1).padStart(2, '0')}`,
        sentenceIds: JSON.stringify([`p${i + 1}-s1`, `p${i + 1}-s2`]),
        exact: zh ? `增长了百分之${i}，“引号”与'撇号'` : `grew by ${i} percent`,
        prefix: zh ? '去年\n' : 'Last year, ',
        suffix: zh ? '。' : '.',
        start: 100 * i,
        end: 100 * i + 12,
        kind,
        verdict: kind === 'claim' ? 'disputed' : null,
        sourceUrl: kind === 'claim' ? `https://example.com/来源/${i}?q=a&b=c` : null,
        body: i === 3 ? LONG_BODY : i % 3 === 0 ? '' : `注释 ${i}: *emphasis* and \`code\``,
        bodyHtml: i === 3 ? `<p>${LONG_BODY}</p>` : i % 3 === 0 ? '' : `<p>注释 ${i}</p>`,
        visibility: i % 5 === 0 ? 'private' : 'shared',
        version: 1 + (i % 3),
        resolved: kind === 'question' && i % 8 === 2,
        deletedAt: i === 7 ? at(100) : null,
        hiddenAt: i === 9 ? at(200) : null,
        hiddenReason: i === 9 ? '人身攻击 / personal attack' : null,
        authorId: ['u-zh', 'u-mod', 'u-en'][i % 3]!,
        createdAt: at(10 + i),
        tags: { create: ['数据', 'economy', '经济 政策'].slice(0, i % 4).map((tag) => ({ tag })) },
      },
    });
    if (i % 5 !== 0) {
      await client.reply.create({
        data: {
          id: `r-${i}-1`,
          annotationId: `a-${String(i).padStart(2, '0')}`,
          body: i === 4 ? LONG_BODY : `回复 ${i}`,
          bodyHtml: `<p>回复 ${i}</p>`,
          verdict: kind === 'claim' ? 'supported' : null,
          version: 1 + (i % 2),
          authorId: 'u-en',
          createdAt: at(300 + i),
        },
      });
    }
    if (i % 6 === 1) {
      await client.flag.create({
        data: {
          id: `f-${i}`,
          annotationId: `a-${String(i).padStart(2, '0')}`,
          reporterId: 'u-mod',
          reason: '垃圾信息',
          createdAt: at(400 + i),
          resolvedAt: i === 7 ? at(500) : null,
        },
      });
    }
  }
  await client.articleActivity.createMany({
    data: [
      { article: 'article-one', revision: 41 },
      { article: '第二篇', revision: 7 },
    ],
  });
}

/** Every row the seed writes (not the concurrent writer's), all columns, in a stable order. */
async function snapshot(client: DatabaseClient) {
  const notConcurrent = { article: { not: 'concurrent' } };
  return {
    users: await client.user.findMany({ orderBy: { id: 'asc' } }),
    sessions: await client.session.findMany({ orderBy: { id: 'asc' } }),
    accounts: await client.account.findMany({ orderBy: { id: 'asc' } }),
    verifications: await client.verification.findMany({ orderBy: { id: 'asc' } }),
    annotations: await client.annotation.findMany({
      where: notConcurrent,
      orderBy: { id: 'asc' },
      include: { tags: { orderBy: { tag: 'asc' } } },
    }),
    replies: await client.reply.findMany({ orderBy: { id: 'asc' } }),
    flags: await client.flag.findMany({ orderBy: { id: 'asc' } }),
    activity: await client.articleActivity.findMany({ where: notConcurrent, orderBy: { article: 'asc' } }),
  };
}

function open(database: DatabaseTarget): DatabaseClient {
  const client = createDatabaseClient(database);
  cleanups.push(() => client.$disconnect());
  return client;
}

/** A snapshot through a client that is gone afterwards (it holds no connection during a restore). */
async function snapshotOf(database: DatabaseTarget) {
  const client = createDatabaseClient(database);
  try {
    return await snapshot(client);
  } finally {
    await client.$disconnect();
  }
}

function expectSeeded(s: Awaited<ReturnType<typeof snapshot>>) {
  expect(s.annotations).toHaveLength(24);
  expect(s.annotations.find((a) => a.id === 'a-03')!.body).toHaveLength(10_000);
  expect(s.annotations.flatMap((a) => a.tags)).toHaveLength(36);
  expect(s.replies).toHaveLength(19);
  expect(s.flags).toHaveLength(4);
}

// --- the documented commands ---

type ScriptRun = { code: number | null; stdout: string; stderr: string };

function runScript(script: 'backup' | 'restore', args: string[], databaseUrl: string): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', `scripts/db/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The row counts a script printed ("  Annotation   1,234"). */
function printedCounts(stdout: string): TableCounts {
  const counts: TableCounts = {};
  for (const match of stdout.matchAll(/^ {2}(\w+) +([\d,]+)$/gm)) counts[match[1]!] = Number(match[2]!.replace(/,/g, ''));
  return counts;
}

function temporaryFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-backup-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function sqliteAt(file: string): DatabaseTarget {
  return { provider: 'sqlite', url: `file:${file}`, file };
}

function sqliteQuery<T>(file: string, sql: string): T {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

// --- SQLite ---

// A second process that commits, in a loop, one annotation with two tags and a bump of the
// "concurrent" article's revision per transaction: a consistent copy has revision = annotations and
// tags = 2 × annotations for that article.
const SQLITE_WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.env.FILE, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const note = db.prepare(\`INSERT INTO "Annotation" (id, article, lang, blockId, sentenceIds, exact, prefix, suffix, start, "end", kind, body, bodyHtml, authorId, createdAt, updatedAt)
  VALUES (?, 'concurrent', 'zh', 'p01', '["p01-s1"]', '并发写入', '', '', 0, 4, 'comment', ?, '', 'u-zh', ?, ?)\`);
const tag = db.prepare('INSERT INTO "AnnotationTag" (annotationId, tag) VALUES (?, ?)');
const bump = db.prepare(\`INSERT INTO "ArticleActivity" (article, revision) VALUES ('concurrent', 1)
  ON CONFLICT (article) DO UPDATE SET revision = revision + 1\`);
const write = db.transaction((i) => {
  const id = 'w-' + i;
  const now = new Date().toISOString();
  note.run(id, '写'.repeat(2000), now, now);
  tag.run(id, '一');
  tag.run(id, '二');
  bump.run();
});
const pause = new Int32Array(new SharedArrayBuffer(4));
for (let i = 0; ; i++) {
  write(i);
  Atomics.wait(pause, 0, 0, 2);
}
`;

function concurrentState(file: string) {
  return sqliteQuery<{ notes: number; tags: number; revision: number | null }>(
    file,
    `SELECT (SELECT count(*) FROM "Annotation" WHERE article = 'concurrent') AS notes,
            (SELECT count(*) FROM "AnnotationTag" t JOIN "Annotation" a ON a.id = t.annotationId WHERE a.article = 'concurrent') AS tags,
            (SELECT revision FROM "ArticleActivity" WHERE article = 'concurrent') AS revision`,
  );
}

async function startWriter(file: string): Promise<ChildProcess> {
  const writer = spawn(process.execPath, ['-e', SQLITE_WRITER], {
    cwd: ROOT,
    env: { ...process.env, FILE: file },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  writer.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => writer.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (writer.exitCode === null && writer.signalCode === null) writer.kill('SIGKILL');
    await exited;
  });
  // Writing, and not failing, before the backup starts.
  const deadline = Date.now() + 30_000;
  while (concurrentState(file).notes < 20) {
    if (writer.exitCode !== null) throw new Error(`the writer exited: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`the writer made no progress: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return writer;
}

async function migratedSqlite(): Promise<{ dir: string; database: DatabaseTarget }> {
  const dir = temporaryFolder();
  const database = sqliteAt(path.join(dir, 'live', 'reader.db'));
  await applyMigrations(database);
  return { dir, database };
}

describe('backup and restore on SQLite (online backup API)', () => {
  it(
    'backs up while another process writes, restores into a new file, and every row comes back',
    async () => {
      const { dir, database } = await migratedSqlite();
      await seed(open(database));
      const original = await snapshotOf(database);
      expectSeeded(original);

      const writer = await startWriter(database.file!);
      const before = concurrentState(database.file!).notes;
      const backupFile = path.join(dir, 'backups', 'reader.db');
      const backup = await runScript('backup', [backupFile], database.url);
      const after = concurrentState(database.file!).notes;
      expect(writer.exitCode).toBeNull();
      writer.kill('SIGKILL');
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain(`to ${backupFile}`);
      expect(backup.stdout).toContain('integrity_check: ok');
      // The writer kept committing while the backup ran.
      expect(after).toBeGreaterThan(before);

      // One self-contained file (no -wal), sound, holding a state the writer committed.
      expect(fs.readdirSync(path.dirname(backupFile))).toEqual(['reader.db']);
      expect(sqliteQuery<{ integrity_check: string }>(backupFile, 'PRAGMA integrity_check').integrity_check).toBe('ok');
      const copied = concurrentState(backupFile);
      expect(copied.notes).toBeGreaterThanOrEqual(before);
      expect(copied.notes).toBeLessThanOrEqual(after);
      expect(copied.revision).toBe(copied.notes);
      expect(copied.tags).toBe(2 * copied.notes);
      const printed = printedCounts(backup.stdout);
      expect(printed).toEqual(await tableCounts(sqliteAt(backupFile)));
      expect(printed.Annotation).toBe(24 + copied.notes);

      // The documented restore, into a file that does not exist yet.
      const target = sqliteAt(path.join(dir, 'restored', 'reader.db'));
      const restore = await runScript('restore', [backupFile], target.url);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain('integrity_check: ok');
      expect(restore.stdout).toContain(`migrations: up to date (${MIGRATIONS} applied)`);
      expect(printedCounts(restore.stdout)).toEqual(printed);

      expect(await snapshotOf(target)).toEqual(original);
      expect(concurrentState(target.file!)).toEqual(copied);
      expect(sqliteQuery<{ integrity_check: string }>(target.file!, 'PRAGMA integrity_check').integrity_check).toBe('ok');
      expect(await applyMigrations(target)).toMatchObject({ applied: [], unknown: [] });
      // The migration history came across as it was.
      expect(sqliteQuery(target.file!, 'SELECT group_concat(id || checksum) AS v FROM _prisma_migrations ORDER BY id')).toEqual(
        sqliteQuery(database.file!, 'SELECT group_concat(id || checksum) AS v FROM _prisma_migrations ORDER BY id'),
      );

      // The app's client writes to the restored database at once.
      const restoredClient = open(target);
      await restoredClient.annotationTag.create({ data: { annotationId: 'a-00', tag: '恢复后' } });
      await restoredClient.$disconnect();

      // Restoring again into the now non-empty database is refused and changes nothing.
      const beforeRefusal = await snapshotOf(target);
      const again = await runScript('restore', [backupFile], target.url);
      expect(again.code).toBe(1);
      const { v: tables } = sqliteQuery<{ v: number }>(
        target.file!,
        `SELECT count(*) AS v FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      );
      expect(again.stderr).toMatch(
        new RegExp(`^db:restore: Refusing to restore into .*reader\\.db: it already holds ${tables} table\\(s\\)`),
      );
      expect(await snapshotOf(target)).toEqual(beforeRefusal);
      expect(fs.readdirSync(path.dirname(target.file!)).filter((f) => f.includes('restore-'))).toEqual([]);
    },
    SCRIPT_TIMEOUT,
  );

  it('refuses a target that holds any table, and a backup file that exists; restores into an empty file', async () => {
    const { dir, database } = await migratedSqlite();
    await seed(open(database));
    const original = await snapshotOf(database);
    const backupFile = path.join(dir, 'reader.db.bak');
    const result = await backupDatabase(database, backupFile);
    expect(result.counts).toMatchObject({
      User: 3,
      Annotation: 24,
      AnnotationTag: 36,
      Reply: 19,
      Flag: 4,
      ArticleActivity: 2,
      _prisma_migrations: MIGRATIONS,
    });
    expect(result.notes).toContain('integrity_check: ok');

    // Never overwrites: neither an existing backup nor a database with data.
    await expect(backupDatabase(database, backupFile)).rejects.toThrow(/already exists; a backup never overwrites/);
    await expect(restoreDatabase(database, backupFile)).rejects.toThrow(BackupError);
    expect(await snapshotOf(database)).toEqual(original);

    const foreign = path.join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec(`CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')`);
    db.close();
    await expect(restoreDatabase(sqliteAt(foreign), backupFile)).rejects.toThrow(
      /Refusing to restore into .*foreign\.db: it already holds 1 table\(s\) \(notes\)/,
    );
    expect(sqliteQuery(foreign, 'SELECT group_concat(text) AS t FROM notes')).toEqual({ t: 'mine' });
    expect(sqliteQuery(foreign, `SELECT count(*) AS n FROM sqlite_master`)).toEqual({ n: 1 });

    // An existing file without tables counts as empty.
    const empty = path.join(dir, 'empty.db');
    new Database(empty).close();
    const restored = await restoreDatabase(sqliteAt(empty), backupFile);
    expect(restored.counts).toEqual(result.counts);
    expect(restored.migrations).toMatchObject({ applied: [], unknown: [] });
    expect(await snapshotOf(sqliteAt(empty))).toEqual(original);

    // A file that is not a SQLite database is refused before anything is put in place.
    const notSqlite = path.join(dir, 'x.dump');
    fs.writeFileSync(notSqlite, 'PGDMP not sqlite');
    await expect(restoreDatabase(sqliteAt(path.join(dir, 'new.db')), notSqlite)).rejects.toThrow(/is not a SQLite database/);
    expect(fs.existsSync(path.join(dir, 'new.db'))).toBe(false);
  });
});

// --- PostgreSQL ---

async function postgresSkipReason(): Promise<string | null> {
  const unreachable = await unreachableReason(serverUrl());
  if (unreachable) return `PostgreSQL server unreachable (${unreachable})`;
  let dump: { major: number; version: string };
  try {
    dump = postgresToolVersion('pg_dump');
    postgresToolVersion('pg_restore');
  } catch (error) {
    return (error as Error).message;
  }
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string }>(`SELECT current_setting('server_version_num') AS num`);
    const server = Math.floor(Number(rows[0]!.num) / 10000);
    return dump.major < server ? `pg_dump ${dump.version} is older than the server (${server})` : null;
  } finally {
    await client.end();
  }
}

const skipPostgres = await postgresSkipReason();
if (skipPostgres) console.warn(`PostgreSQL backup tests SKIPPED: ${skipPostgres}`);

async function temporaryPostgres(query = ''): Promise<DatabaseTarget> {
  const temporary = await createTemporaryDatabase('reader_test');
  cleanups.push(() => temporary.drop());
  return { provider: 'postgresql', url: `${temporary.url}${query}` };
}

async function pgQuery<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(skipPostgres !== null)(`backup and restore on PostgreSQL (pg_dump, ${describeUrl(serverUrl())})`, () => {
  it(
    'dumps while the app writes, restores into a fresh database, and every row comes back',
    async () => {
      const source = await temporaryPostgres();
      await applyMigrations(source);
      const client = open(source);
      await seed(client);
      const original = await snapshot(client);
      expectSeeded(original);

      // Another connection keeps committing one annotation, two tags and a revision bump at a time.
      let stop = false;
      let written = 0;
      const writer = (async () => {
        const connection = new pg.Client({ connectionString: source.url });
        await connection.connect();
        try {
          while (!stop) {
            const id = `w-${written}`;
            await connection.query('BEGIN');
            await connection.query(
              `INSERT INTO "Annotation" (id, article, lang, "blockId", "sentenceIds", exact, prefix, suffix, start, "end", kind, "authorId", "updatedAt")
               VALUES ($1, 'concurrent', 'zh', 'p01', '[]', '并发写入', '', '', 0, 4, 'comment', 'u-zh', now())`,
              [id],
            );
            await connection.query(`INSERT INTO "AnnotationTag" ("annotationId", tag) VALUES ($1, '一'), ($1, '二')`, [id]);
            await connection.query(
              `INSERT INTO "ArticleActivity" (article, revision) VALUES ('concurrent', 1) ON CONFLICT (article) DO UPDATE SET revision = "ArticleActivity".revision + 1`,
            );
            await connection.query('COMMIT');
            written++;
          }
        } finally {
          await connection.end();
        }
      })();
      cleanups.push(async () => {
        stop = true;
        await writer.catch(() => {});
      });
      while (written < 20) await new Promise((r) => setTimeout(r, 20));

      const backupFile = path.join(temporaryFolder(), 'reader.dump');
      const before = written;
      const backup = await runScript('backup', [backupFile], source.url);
      const after = written;
      stop = true;
      await writer;
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/pg_dump \d+\.\d+, server \d+\.\d+/);
      expect(backup.stdout).toContain('schema "public"');
      expect(after).toBeGreaterThan(before);
      const printed = printedCounts(backup.stdout);

      const target = await temporaryPostgres();
      const restore = await runScript('restore', [backupFile], target.url);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain(`migrations: up to date (${MIGRATIONS} applied)`);
      // The counts printed at backup time are exactly what the archive held.
      expect(printedCounts(restore.stdout)).toEqual(printed);
      expect(await tableCounts(target)).toEqual(printed);

      expect(await snapshotOf(target)).toEqual(original);
      const [state] = await pgQuery<{ notes: number; tags: number; revision: number }>(
        target.url,
        `SELECT (SELECT count(*)::int FROM "Annotation" WHERE article = 'concurrent') AS notes,
                (SELECT count(*)::int FROM "AnnotationTag" t JOIN "Annotation" a ON a.id = t."annotationId" WHERE a.article = 'concurrent') AS tags,
                (SELECT revision FROM "ArticleActivity" WHERE article = 'concurrent') AS revision`,
      );
      expect(state!.notes).toBeGreaterThanOrEqual(before);
      expect(state!.notes).toBeLessThanOrEqual(after);
      expect(state!.revision).toBe(state!.notes);
      expect(state!.tags).toBe(2 * state!.notes);
      const history = 'SELECT id, checksum, migration_name, finished_at FROM _prisma_migrations ORDER BY id';
      expect(await pgQuery(target.url, history)).toEqual(await pgQuery(source.url, history));
      expect(await applyMigrations(target)).toMatchObject({ applied: [], unknown: [] });

      // The app's client writes to it at once; a second restore is refused and changes nothing.
      const restoredClient = open(target);
      await restoredClient.reply.create({ data: { id: 'r-new', annotationId: 'a-01', body: '恢复后', bodyHtml: '', authorId: 'u-en' } });
      const beforeRefusal = await snapshot(restoredClient);
      const again = await runScript('restore', [backupFile], target.url);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^db:restore: Refusing to restore into .* \(schema "public"\): it already holds tables of this app/);
      expect(await snapshot(restoredClient)).toEqual(beforeRefusal);
    },
    SCRIPT_TIMEOUT,
  );

  it(
    'keeps a ?schema= database in its schema, and refuses a target in another schema',
    async () => {
      const source = await temporaryPostgres('?schema=reader_app');
      await applyMigrations(source);
      const client = open(source);
      await seed(client);
      const original = await snapshot(client);

      const backupFile = path.join(temporaryFolder(), 'reader.dump');
      const result = await backupDatabase(source, backupFile);
      expect(result.notes).toContainEqual(expect.stringContaining('schema "reader_app"'));
      expect(result.counts).toMatchObject({
        User: 3,
        Annotation: 24,
        AnnotationTag: 36,
        Reply: 19,
        Flag: 4,
        _prisma_migrations: MIGRATIONS,
      });

      const fresh = await temporaryPostgres();
      await expect(restoreDatabase(fresh, backupFile)).rejects.toThrow(
        /holds schema "reader_app", but DATABASE_URL's tables live in schema "public"/,
      );
      expect(
        await pgQuery(
          fresh.url,
          `SELECT table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
        ),
      ).toEqual([]);

      const target = { ...fresh, url: `${fresh.url}?schema=reader_app` };
      const restored = await restoreDatabase(target, backupFile);
      expect(restored.counts).toEqual(result.counts);
      expect(restored.migrations).toMatchObject({ applied: [], unknown: [] });
      expect(await snapshotOf(target)).toEqual(original);
      expect(await pgQuery(fresh.url, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([
        { n: 0 },
      ]);

      // A database holding our tables in that schema is refused.
      await expect(restoreDatabase(source, backupFile)).rejects.toThrow(/Refusing to restore into .* \(schema "reader_app"\)/);
      expect(await snapshot(client)).toEqual(original);
    },
    SCRIPT_TIMEOUT,
  );
});

if (skipPostgres) {
  // Shows the reason in the test report.
  describe('backup and restore on PostgreSQL', () => {
    it.skip(`skipped: ${skipPostgres}`, () => {});
  });
}

describe('libpqConnection', () => {
  it('keeps the password off the command line and drops parameters libpq does not know', () => {
    const { url, env } = libpqConnection(
      'postgresql://reader:p%40ss%20word@db.example:5433/reader?schema=app&sslmode=require&connection_limit=5',
    );
    expect(url).toBe('postgresql://reader@db.example:5433/reader?sslmode=require');
    expect(env.PGPASSWORD).toBe('p@ss word');
  });
});
