import { spawnSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/test/chromium';
import { raisedLimits } from './scripts/test/raised-limits';
import type { DatabaseOption } from './e2e/api/api-fixtures';
import { testPostgresServer } from './scripts/test/postgres-available';
import { postgresTestDatabase } from './e2e/postgres-database';

const sqlitePort = Number(process.env.E2E_PORT ?? 3210);
const postgresPort = sqlitePort + 1;
// A second app instance on the same PostgreSQL database: live updates must cross instances.
const secondPostgresPort = sqlitePort + 2;
const sqliteUrl = 'file:.data/e2e.db';
const postgresUrl = `${testPostgresServer}/${postgresTestDatabase}`;

// The same API suite runs against PostgreSQL when a server answers (CI always has one).
const { hostname, port } = new URL(testPostgresServer);
const withPostgres = spawnSync('pg_isready', ['-q', '-h', hostname, '-p', port || '5432', '-t', '2']).status === 0;
if (!withPostgres && process.env.REQUIRE_POSTGRES === '1')
  throw new Error(
    `REQUIRE_POSTGRES=1, but PostgreSQL at ${hostname}:${port || 5432} does not answer: the api-postgresql project cannot run.`,
  );
if (!withPostgres)
  console.warn(`PostgreSQL at ${hostname}:${port || 5432} is not reachable: the api-postgresql project is left out of this run.`);

/** The production start (`npm run serve`) on a fresh database; the app is built once by `npm run test:e2e` beforehand. */
function server(port: number, databaseUrl: string, prepare: string) {
  return {
    command: `${prepare} && npm run db:migrate && npm run serve -- -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/zh`,
    env: { DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123', ...raisedLimits },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig<DatabaseOption>({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'chromium', testIgnore: /(api|ops)\//, use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${sqlitePort}` } },
    // Operations: servers of their own, started and stopped by the tests.
    { name: 'ops', testMatch: /ops\/.*\.spec\.ts/ },
    {
      name: 'api-sqlite',
      testMatch: /api\/.*\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${sqlitePort}`, databaseUrl: sqliteUrl, otherInstanceURL: `http://127.0.0.1:${sqlitePort}` },
    },
    ...(withPostgres
      ? [
          {
            name: 'api-postgresql',
            testMatch: /api\/.*\.spec\.ts/,
            use: {
              baseURL: `http://127.0.0.1:${postgresPort}`,
              databaseUrl: postgresUrl,
              otherInstanceURL: `http://127.0.0.1:${secondPostgresPort}`,
            },
          },
        ]
      : []),
  ],
  webServer: [
    server(
      sqlitePort,
      sqliteUrl,
      `node -e "for (const f of ['e2e.db','e2e.db-wal','e2e.db-shm']) require('fs').rmSync('.data/'+f,{force:true})"`,
    ),
    ...(withPostgres
      ? [
          server(postgresPort, postgresUrl, `npx tsx scripts/test/recreate-database.ts ${postgresTestDatabase}`),
          // Started after the first (web servers start in order), on the database it migrated.
          server(secondPostgresPort, postgresUrl, 'true'),
        ]
      : []),
  ],
});
