import { spawnSync } from 'node:child_process';
import { postgresTestDatabase } from './postgres-database';

/** Drops the PostgreSQL database the API suite ran against (the SQLite file is removed at the next start). */
export default function globalTeardown() {
  spawnSync('npx', ['tsx', 'scripts/test/recreate-database.ts', postgresTestDatabase, 'drop'], { stdio: 'ignore' });
}
