import { spawnSync } from 'node:child_process';

/** Drops the PostgreSQL database the API suite ran against (the SQLite file is removed at the next start). */
export default function globalTeardown() {
  spawnSync('npx', ['tsx', 'scripts/test/recreate-database.ts', 'reader_e2e', 'drop'], { stdio: 'ignore' });
}
