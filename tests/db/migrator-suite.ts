// The migrator tests, run against each provider by sqlite-migrate.test.ts and
// postgres-migrate.test.ts on a real database the test file creates and removes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import type { Database, DatabaseProvider } from '@/lib/db/database-url';
import { applyMigrations, defaultMigrationsDir, MigrationError } from '@/lib/db/migrate';
import { NO_FILTER, withSchemaEngine } from '@/scripts/db/engine-session';

/** Raw access to the database under test. */
export type Probe = {
  query(sql: string): Promise<Record<string, unknown>[]>;
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  /** Shape of `_prisma_migrations`: column name → declared type / nullability / default. */
  migrationsTableShape(): Promise<unknown>;
};

export type TestDatabase = {
  database: Database;
  /** What the Wasm engine's main connection should open (file path or URL). */
  engineMain: string;
  probe: Probe;
  drop(): Promise<void>;
};

export const MIGRATIONS_COLUMNS = [
  'id',
  'checksum',
  'finished_at',
  'migration_name',
  'logs',
  'rolled_back_at',
  'started_at',
  'applied_steps_count',
];

export const MODEL_TABLES = ['Account', 'Annotation', 'AnnotationTag', 'Session', 'User', 'Verification'];

function committedMigrations(provider: DatabaseProvider): { name: string; checksum: string }[] {
  const dir = defaultMigrationsDir(provider);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      name,
      checksum: crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, name, 'migration.sql')))
        .digest('hex'),
    }));
}

/** A copy of the committed migrations folder, to tamper with. */
function copyMigrations(provider: DatabaseProvider): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `reader-migrations-${provider}-`));
  fs.cpSync(defaultMigrationsDir(provider), dir, { recursive: true });
  return dir;
}

export function defineMigratorSuite(provider: DatabaseProvider, create: () => Promise<TestDatabase>, track: (db: TestDatabase) => void) {
  let t: TestDatabase;
  const committed = committedMigrations(provider);

  beforeEach(async () => {
    t = await create();
    track(t);
  });

  it('applies every committed migration to a fresh database, creating the models’ tables', async () => {
    expect(committed.length).toBeGreaterThan(0);
    const result = await applyMigrations(t.database);
    expect(result).toEqual({ applied: committed.map((m) => m.name), alreadyApplied: [], unknown: [] });
    const tables = await t.probe.tables();
    for (const table of [...MODEL_TABLES, '_prisma_migrations']) expect(tables).toContain(table);
    expect(await t.probe.columns('Annotation')).toEqual(expect.arrayContaining(['article', 'blockId', 'sentenceIds', 'authorId']));
  });

  it('is idempotent: a second run applies nothing and records nothing', async () => {
    await applyMigrations(t.database);
    const rowsBefore = await t.probe.query('SELECT id FROM _prisma_migrations ORDER BY id');
    const again = await applyMigrations(t.database);
    expect(again).toEqual({ applied: [], alreadyApplied: committed.map((m) => m.name), unknown: [] });
    expect(await t.probe.query('SELECT id FROM _prisma_migrations ORDER BY id')).toEqual(rowsBefore);
  });

  it('records each migration in _prisma_migrations as prisma migrate deploy does', async () => {
    await applyMigrations(t.database);
    expect(await t.probe.columns('_prisma_migrations')).toEqual(MIGRATIONS_COLUMNS);
    const rows = await t.probe.query('SELECT * FROM _prisma_migrations ORDER BY migration_name');
    expect(rows).toHaveLength(committed.length);
    rows.forEach((row, i) => {
      expect(row.migration_name).toBe(committed[i]!.name);
      // sha256 hex of migration.sql, computed here independently of the migrator.
      expect(row.checksum).toBe(committed[i]!.checksum);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number(row.applied_steps_count)).toBe(1);
      expect(row.finished_at).not.toBeNull();
      expect(row.started_at).not.toBeNull();
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    });
  });

  it('writes rows that Prisma’s own schema engine reads as applied, in a table shaped like its own', async () => {
    await applyMigrations(t.database);
    const ours = await t.probe.migrationsTableShape();
    const diagnosis = await withSchemaEngine(provider, { main: t.engineMain }, ({ engine, migrations }) =>
      engine.diagnoseMigrationHistory({ migrationsList: migrations, optInToShadowDatabase: false, filters: NO_FILTER }),
    );
    expect(diagnosis).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });

    // The table Prisma's engine creates itself (prisma migrate deploy), on a second fresh database.
    const reference = await create();
    track(reference);
    const applied = await withSchemaEngine(provider, { main: reference.engineMain }, ({ engine, migrations }) =>
      engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTER }),
    );
    expect(applied.appliedMigrationNames).toEqual(committed.map((m) => m.name));
    expect(await reference.probe.migrationsTableShape()).toEqual(ours);
    // …and our applier accepts what the engine recorded.
    expect(await applyMigrations(reference.database)).toMatchObject({ applied: [], unknown: [] });
  });

  it('refuses to run when an applied migration’s file was modified', async () => {
    const dir = copyMigrations(provider);
    try {
      await applyMigrations(t.database, { migrationsDir: dir });
      const first = committed[0]!.name;
      fs.appendFileSync(path.join(dir, first, 'migration.sql'), '\n-- edited after it was applied\n');
      const error = await applyMigrations(t.database, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toContain(`Migration ${first} was modified after it was applied`);
      expect((error as Error).message).toContain(committed[0]!.checksum);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run when a migration is recorded as failed', async () => {
    await applyMigrations(t.database);
    const id = crypto.randomUUID();
    await t.probe.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count) ` +
        `VALUES ('${id}', '${'0'.repeat(64)}', '99990101000000_half_done', 'boom', CURRENT_TIMESTAMP, 0)`,
    );
    const error = await applyMigrations(t.database).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain('Migration 99990101000000_half_done is recorded as failed');

    // Once marked rolled back (prisma migrate resolve --rolled-back), it is ignored.
    await t.probe.query(`UPDATE _prisma_migrations SET rolled_back_at = CURRENT_TIMESTAMP WHERE id = '${id}'`);
    expect(await applyMigrations(t.database)).toMatchObject({ applied: [], alreadyApplied: committed.map((m) => m.name) });
  });

  it('leaves nothing of a failing migration behind, records nothing, and applies it once fixed', async () => {
    const dir = copyMigrations(provider);
    try {
      const broken = '99990101000000_broken';
      fs.mkdirSync(path.join(dir, broken));
      const file = path.join(dir, broken, 'migration.sql');
      fs.writeFileSync(
        file,
        [
          'CREATE TABLE "Partial" ("id" TEXT NOT NULL PRIMARY KEY);',
          'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
          `INSERT INTO "User" ("id", "name", "email", "updatedAt") VALUES ('u1', 'A', 'a@example.com', CURRENT_TIMESTAMP);`,
          'INSERT INTO "NoSuchTable" ("id") VALUES (1);',
        ].join('\n'),
      );
      const error = await applyMigrations(t.database, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toContain(`Migration ${broken} failed`);

      // The earlier migrations are applied and recorded; nothing of the broken one is.
      const names = (await t.probe.query('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name')).map(
        (r) => r.migration_name,
      );
      expect(names).toEqual(committed.map((m) => m.name));
      expect(await t.probe.tables()).not.toContain('Partial');
      expect(await t.probe.columns('User')).not.toContain('nickname');
      expect(await t.probe.query('SELECT id FROM "User"')).toEqual([]);

      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^INSERT INTO "NoSuchTable".*$/m, ''));
      expect(await applyMigrations(t.database, { migrationsDir: dir })).toMatchObject({ applied: [broken] });
      expect(await t.probe.columns('User')).toContain('nickname');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a migrations folder locked to another provider', async () => {
    const dir = copyMigrations(provider);
    try {
      const other = provider === 'sqlite' ? 'postgresql' : 'sqlite';
      fs.writeFileSync(path.join(dir, 'migration_lock.toml'), `provider = "${other}"\n`);
      await expect(applyMigrations(t.database, { migrationsDir: dir })).rejects.toThrow(`is for provider "${other}"`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
