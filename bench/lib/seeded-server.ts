import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTemporaryDatabase } from '../../scripts/db/postgres-server';
import { startNextServer } from './next-server';

/** Builds the app first unless the benchmark was given `--no-build`. */
export function buildUnlessSkipped(args: Map<string, string>) {
  if (args.has('no-build')) return;
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/**
 * Runs `measure` against one `next start` on a new database (a SQLite file, or a throwaway
 * PostgreSQL database) migrated and seeded with `db:seed:many` and `seedArgs`; removes it all after.
 */
export async function onSeededServer<T>(
  { database, seedArgs, port, env }: { database: 'sqlite' | 'postgresql'; seedArgs: string[]; port: number; env: Record<string, string> },
  measure: (origin: string) => Promise<T>,
): Promise<T> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-bench-'));
  const temporary = database === 'postgresql' ? await createTemporaryDatabase('reader_bench') : undefined;
  const dbEnv = { ...env, DATABASE_URL: temporary?.url ?? `file:${path.join(folder, 'reader.db')}` };
  try {
    for (const [script, ...rest] of [['db:migrate'], ['db:seed:many', '--', ...seedArgs]]) {
      const run = spawnSync('npm', ['run', '--silent', script, ...rest], { env: { ...process.env, ...dbEnv }, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${script}: ${run.stderr}`);
    }
    const server = await startNextServer({ port, build: false, env: dbEnv });
    try {
      return await measure(server.origin);
    } finally {
      server.stop();
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  } finally {
    await temporary?.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
