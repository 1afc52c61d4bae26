import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { readEventStream } from '../../scripts/test/event-stream';

// The production server, stopped the way a process manager stops it, while a reader is connected to
// the live event stream (which never ends by itself). It must end the stream, so the reader's browser
// reconnects elsewhere, and exit promptly.
const port = Number(process.env.E2E_PORT ?? 3210) + 80;
const databaseFile = '.data/e2e-shutdown.db';
const env = { ...process.env, DATABASE_URL: `file:${databaseFile}`, BETTER_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123' };

test('SIGTERM ends live event streams and the server exits', async () => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
  expect(spawnSync('npx', ['tsx', 'scripts/db/migrate.ts'], { env }).status).toBe(0);
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  server.stdout!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  try {
    const origin = `http://127.0.0.1:${port}`;
    await expect
      .poll(
        () =>
          fetch(`${origin}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);

    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const response = await fetch(`${origin}/api/articles/deepseek-capex/events`);
    const ended = readEventStream(response, ({ event }) => {
      if (event === 'ready') markReady();
    });
    await ready;

    const stopped = Date.now();
    server.kill('SIGTERM');
    await ended;
    const streamEnded = Date.now() - stopped;
    const code = await exited;
    const exitedAfter = Date.now() - stopped;

    expect(streamEnded).toBeLessThan(3_000);
    expect(exitedAfter).toBeLessThan(10_000);
    expect(code).toBe(143);
    expect(output).toContain('live event streams ended');
  } finally {
    server.kill('SIGKILL');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
  }
});
