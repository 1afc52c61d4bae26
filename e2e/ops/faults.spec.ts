import fs from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { raisedLimits } from '../../scripts/test/raised-limits';
import { startInstance } from '../../scripts/deploy/instance';
import { annotationBody } from '../api/api-fixtures';
import { clusterSecret, startCluster } from './cluster';
import { signUp } from '../../scripts/test/accounts';
import { startLoad, tally, type Outcome } from './load';

const slug = 'deepseek-capex';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const acknowledged = (outcomes: Outcome[]) => outcomes.filter((o) => o.kind === 'write' && o.status === 201).map((o) => o.id!);

test('PostgreSQL restarted under load: 503 with Retry-After in the gap, recovery within 5 s, every acknowledged write kept', async () => {
  test.setTimeout(180_000);
  const cluster = await startCluster({ slot: 2, env: raisedLimits });
  try {
    const writers = await Promise.all([1, 2, 3].map((n) => signUp(cluster.instances[0].url, `Writer${n}`)));
    const load = startLoad({ origin: cluster.url, writers });
    await pause(2_000);
    const stopping = Date.now();
    await cluster.postgres.stop();
    await pause(2_000);
    await cluster.postgres.start();
    const started = Date.now();
    await pause(7_000);
    const outcomes = await load.stop();

    const summary = tally(outcomes);
    // Nothing but successes and 503s: no 500, no 502 from nginx, no dropped connection.
    expect(
      outcomes.filter((o) => ![200, 201, 503].includes(o.status)),
      summary,
    ).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length, `the gap was under load: ${summary}`).toBeGreaterThan(0);
    expect(unavailable.every((o) => Number(o.retryAfter) > 0)).toBe(true);
    expect(unavailable.every((o) => o.sentAt >= stopping - 1_000)).toBe(true);
    // Recovered by itself: everything sent from 5 s after the restart succeeded.
    const late = outcomes.filter((o) => o.sentAt >= started + 5_000);
    expect(late.length).toBeGreaterThan(10);
    expect(
      late.filter((o) => o.status >= 300),
      summary,
    ).toEqual([]);

    const ids = acknowledged(outcomes);
    const client = new pg.Client({ connectionString: cluster.postgres.url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>('SELECT id FROM "Annotation" WHERE id = ANY($1)', [ids]);
    await client.end();
    expect(rows.length, `${ids.length} acknowledged writes`).toBe(ids.length);
  } finally {
    await cluster.stop();
  }
});

test('an instance killed under load: the other serves on, and a reader’s live updates reconnect', async ({ browser }) => {
  test.setTimeout(180_000);
  const cluster = await startCluster({ slot: 3, env: raisedLimits });
  const context = await browser.newContext();
  try {
    const writers = await Promise.all([1, 2].map((n) => signUp(cluster.instances[0].url, `Writer${n}`)));
    const page = await context.newPage();
    const word = `kill${Date.now()}`;
    const ready = page.waitForResponse((r) => r.url().includes(`/api/articles/${slug}/events`));
    await page.goto(`${cluster.url}/en/articles/${slug}/review?q=${word}`);
    await ready;
    const post = async (body: string) => {
      const response = await fetch(`${cluster.url}/api/articles/${slug}/annotations`, {
        method: 'POST',
        headers: { cookie: writers[0], 'Content-Type': 'application/json', Origin: cluster.url },
        body: JSON.stringify(annotationBody('en', 'Nvidia', { visibility: 'shared', body })),
      });
      expect(response.status).toBe(201);
      return (await response.json()).id as string;
    };

    // Each instance is killed in turn, so the page's live connection is cut at least once, wherever it was.
    const concurrency = 6;
    for (const victim of [0, 1]) {
      const load = startLoad({ origin: cluster.url, writers, concurrency });
      await pause(1_500);
      const killed = Date.now();
      await cluster.instances[victim].stop('SIGKILL');
      await pause(3_000);
      const outcomes = await load.stop();
      // Only requests that met the dying instance may fail: those in flight at the kill (cut off, or
      // 502), and those nginx sent on its open connections to it before it saw it fail (502: nginx
      // retries reads elsewhere, but never resends a write that may have arrived). Then all succeed.
      const failed = outcomes.filter((o) => o.status !== 200 && o.status !== 201);
      const summary = `${tally(outcomes)}; killed at ${killed}: ${JSON.stringify(failed)}`;
      const metTheDyingInstance = (o: Outcome) =>
        (o.sentAt <= killed && o.doneAt >= killed) || (o.status === 502 && o.sentAt <= killed + 1_000);
      expect(
        failed.filter((o) => !metTheDyingInstance(o)),
        summary,
      ).toEqual([]);
      // At most one in flight per client loop, and one more sent before nginx marked the instance failed.
      expect(failed.length, summary).toBeLessThanOrEqual(2 * concurrency);
      expect(outcomes.filter((o) => o.sentAt > killed + 1_000 && o.status < 300).length).toBeGreaterThan(10);

      const id = await post(`${word} after killing instance ${victim + 1}`);
      await expect(page.locator(`#note-${id}`)).toContainText(`${word} after killing instance ${victim + 1}`, { timeout: 15_000 });
      await cluster.restart(victim);
      // nginx skips an instance for fail_timeout (2 s, deploy/nginx.conf) after its last failure,
      // even once it is back; an operator restarting instances one by one waits that long too.
      await pause(2_500);
    }
  } finally {
    await context.close();
    await cluster.stop();
  }
});

test('SQLite: the server killed with SIGKILL during writes loses no acknowledged write, and the file is intact', async () => {
  test.setTimeout(120_000);
  const file = '.data/e2e-killed.db';
  const port = Number(process.env.E2E_PORT ?? 3210) + 90;
  const remove = () => ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(file + suffix, { force: true }));
  remove();
  const env = { DATABASE_URL: `file:${file}`, BETTER_AUTH_SECRET: clusterSecret, LOG_REQUESTS: '0', ...raisedLimits };
  let instance = await startInstance({ port, env });
  try {
    const writers = await Promise.all([1, 2, 3].map((n) => signUp(instance.url, `Writer${n}`)));
    const load = startLoad({ origin: instance.url, writers, concurrency: 8, pauseMs: 0 });
    // Killed once writes are flowing (a count, not a pause: on a busy machine 3 s held only a few).
    await expect.poll(() => acknowledged(load.outcomes).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await instance.stop('SIGKILL');
    const outcomes = await load.stop();
    const ids = acknowledged(outcomes);
    expect(ids.length, tally(outcomes)).toBeGreaterThanOrEqual(20);

    const database = new Database(file);
    try {
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = database
        .prepare(`SELECT count(*) AS n FROM Annotation WHERE id IN (SELECT value FROM json_each(?))`)
        .get(JSON.stringify(ids)) as { n: number };
      expect(present.n, `${ids.length} acknowledged writes`).toBe(ids.length);
    } finally {
      database.close();
    }

    // And the app starts again on that file and serves the notes.
    instance = await startInstance({ port, env });
    const listed = (await (await fetch(`${instance.url}/api/articles/${slug}/annotations`)).json()).annotations as { id: string }[];
    const listedIds = new Set(listed.map((a) => a.id));
    expect(ids.filter((id) => !listedIds.has(id))).toEqual([]);
  } finally {
    await instance.stop('SIGKILL');
    remove();
  }
});
