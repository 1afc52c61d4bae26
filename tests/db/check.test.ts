// db:check and db:migration end to end, in a scratch copy of prisma/ (the real models stay untouched):
// a field added to the models makes db:check fail naming it; db:migration then authors the migration
// for both providers, after which db:check passes and the migrator applies it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { serverUrl, unreachableReason } from '@/scripts/db/postgres-server';

const root = process.cwd();
const tsx = path.join(root, 'node_modules/.bin/tsx');
const unreachable = await unreachableReason(serverUrl());

async function run(script: string, cwd: string, args: string[] = []) {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [path.join(root, 'scripts/db', script), ...args], {
      cwd,
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('db:check and db:migration', () => {
  let copy: string;
  beforeAll(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-check-'));
    fs.cpSync(path.join(root, 'prisma'), path.join(copy, 'prisma'), { recursive: true, verbatimSymlinks: true });
    const models = path.join(copy, 'prisma/models.prisma');
    const text = fs.readFileSync(models, 'utf8');
    const changed = text.replace(/^(model User \{\n)/m, '$1  nickname String?\n');
    expect(changed).not.toBe(text);
    fs.writeFileSync(models, changed);
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('the provider folders link the shared models', () => {
    for (const provider of ['sqlite', 'postgresql']) {
      expect(fs.readlinkSync(path.join(root, 'prisma', provider, 'models.prisma'))).toBe('../models.prisma');
    }
  });

  it('db:check fails, naming the provider and the new field, when the models are ahead of the migrations', async () => {
    const { code, output } = await run('check.ts', copy);
    expect(code).toBe(1);
    expect(output).toMatch(/db:check sqlite: FAILED[\s\S]*Added column `nickname`/);
    if (unreachable) expect(output).toContain('db:check postgresql: SKIPPED');
    else expect(output).toMatch(/db:check postgresql: FAILED[\s\S]*Added column `nickname`/);
  }, 60_000);

  it.skipIf(unreachable !== null)(
    'db:migration authors the migration for both providers; db:check then passes',
    async () => {
      const authored = await run('migration.ts', copy, ['add_nickname']);
      expect(authored.output).toContain('_add_nickname/migration.sql');
      expect(authored.code).toBe(0);
      for (const provider of ['sqlite', 'postgresql'] as const) {
        const dir = path.join(copy, 'prisma', provider, 'migrations');
        const added = fs.readdirSync(dir).filter((name) => name.endsWith('_add_nickname'));
        expect(added).toHaveLength(1);
        expect(fs.readFileSync(path.join(dir, added[0]!, 'migration.sql'), 'utf8')).toMatch(/ADD COLUMN\s+"nickname" TEXT/);
      }
      // Both providers get the same folder name.
      const names = (provider: string) => fs.readdirSync(path.join(copy, 'prisma', provider, 'migrations')).sort();
      expect(names('sqlite')).toEqual(names('postgresql'));

      const checked = await run('check.ts', copy);
      expect(checked.output).toContain('db:check sqlite: OK');
      expect(checked.output).toContain('db:check postgresql: OK');
      expect(checked.code).toBe(0);

      const again = await run('migration.ts', copy, ['nothing_new']);
      expect(again.output).toContain('No changes');

      const file = path.join(copy, '.data/reader.db');
      const result = await applyMigrations(
        { provider: 'sqlite', url: `file:${file}`, file },
        { migrationsDir: path.join(copy, 'prisma/sqlite/migrations') },
      );
      expect(result.applied.at(-1)).toMatch(/_add_nickname$/);
    },
    120_000,
  );
});
