import { databaseProvider, db } from './db';
import type { DatabaseClient } from './db/client';

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; error: string };

/** Whether the database answers a trivial query within `timeoutMs` (a hung connection counts as down). */
export async function checkDatabase(client: DatabaseClient, timeoutMs = 2_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** This instance's own database: which kind it is, and whether it answers. */
export async function instanceDatabaseHealth() {
  return { provider: databaseProvider, ...(await checkDatabase(db)) };
}
