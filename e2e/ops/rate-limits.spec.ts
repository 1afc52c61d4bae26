import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { startInstance } from '../../scripts/deploy/instance';
import { signUp as signUpThrough } from '../../scripts/test/accounts';
import { raisedLimits } from '../../scripts/test/raised-limits';
import { annotationBody } from '../api/api-fixtures';
import { clusterSecret, startCluster, type Cluster } from './cluster';

const slug = 'deepseek-capex';
const password = 'correct horse battery';

// The limits of lib/rate-limit/limits.ts, counted in the shared PostgreSQL database: whichever
// instance a request reaches (nginx's round robin, or each instance directly), the count is one.
// Limits are the defaults except writes and sign-ins per address, lowered to keep the test short.
let cluster: Cluster;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster({ slot: 1, env: { RATE_LIMIT_WRITES: '6/60', RATE_LIMIT_SIGN_INS: '12/300' } });
});
test.afterAll(async () => cluster?.stop());

type Answer = { status: number; retryAfter: string | null; body: { message?: string; code?: string; error?: { message: string } } };

async function post(origin: string, path: string, data: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: JSON.stringify(data),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json().catch(() => ({})) };
}

/** Runs `use` against one `npm start` instance on a SQLite file of its own, removed afterwards. */
async function withSqliteInstance(offset: number, name: string, limits: Record<string, string>, use: (origin: string) => Promise<void>) {
  const port = Number(process.env.E2E_PORT ?? 3210) + offset;
  const file = `.data/e2e-${name}.db`;
  const remove = () => ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(file + suffix, { force: true }));
  remove();
  const env = { DATABASE_URL: `file:${file}`, BETTER_AUTH_SECRET: clusterSecret, LOG_REQUESTS: '0', ...raisedLimits, ...limits };
  const instance = await startInstance({ port, env });
  try {
    await use(instance.url);
  } finally {
    await instance.stop('SIGKILL');
    remove();
  }
}

const newAccount = () => ({ name: 'Limit', email: `${randomUUID()}@example.test`, password });

test.describe.configure({ mode: 'serial' });

test('sign-ups: fifteen per address in ten minutes across instances, and a forged X-Forwarded-For does not help behind nginx', async () => {
  const answers: Answer[] = [];
  for (let i = 0; i < 16; i++) {
    // nginx replaces X-Forwarded-For with the real peer address, so each of these counts for 127.0.0.1.
    answers.push(await post(cluster.url, '/api/auth/sign-up/email', newAccount(), { 'X-Forwarded-For': `198.51.100.${i}` }));
  }
  expect(answers.slice(0, 15).map((a) => a.status)).toEqual(Array(15).fill(200));
  const refused = answers[15];
  expect(refused.status).toBe(429);
  // Minutes, not an hour: a class behind one address is not shut out for the afternoon.
  expect(Number(refused.retryAfter)).toBeGreaterThan(500);
  expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
  expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
  expect(refused.body.message).toMatch(/Too many new accounts from your network\. Try again in \d+ seconds\./);
  // The same address reaching the other instance directly is refused too: the count is shared.
  for (const instance of cluster.instances) {
    expect((await post(instance.url, '/api/auth/sign-up/email', newAccount())).status).toBe(429);
  }
});

test('failed sign-ins: five per account, counted on every instance', async () => {
  const [first, second] = cluster.instances;
  const email = `${randomUUID()}@example.test`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const instance = i % 2 ? second : first;
    const answer = await post(
      instance.url,
      '/api/auth/sign-in/email',
      { email, password: `guess ${i}` },
      { 'X-Forwarded-For': `203.0.113.${i}` },
    );
    statuses.push(answer.status);
    if (answer.status === 429) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test('sign-in attempts per address, through nginx', async () => {
  const statuses: number[] = [];
  // Through nginx every attempt is 127.0.0.1's, whatever the header says. (The previous test reached
  // the instances directly, where the header it sent is the address: those counted elsewhere.)
  for (let i = 0; i < 13; i++) {
    const answer = await post(
      cluster.url,
      '/api/auth/sign-in/email',
      { email: `${randomUUID()}@example.test`, password },
      { 'X-Forwarded-For': `192.0.2.${i}` },
    );
    statuses.push(answer.status);
  }
  expect(statuses.slice(0, 12)).toEqual(Array(12).fill(401));
  expect(statuses[12]).toBe(429);
});

test('writes: per reader, whichever instance they reach; other readers are not held back', async () => {
  const [first, second] = cluster.instances;
  // Readers signed up directly on an instance (their own addresses, so the sign-up limit is not hit).
  const signUp = async (address: string) => {
    const response = await fetch(`${first.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: first.url, 'X-Forwarded-For': address },
      body: JSON.stringify(newAccount()),
    });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  const [writer, other] = [await signUp('203.0.113.50'), await signUp('203.0.113.51')];
  const write = (origin: string, cookie: string) =>
    fetch(`${origin}/api/articles/${slug}/annotations`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(annotationBody('en', 'Nvidia', { body: 'rate' })),
    });
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) statuses.push((await write(i % 2 ? second.url : first.url, writer)).status);
  expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429]);
  const refused = await write(cluster.url, writer);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await refused.json()).error.message).toMatch(/You are writing faster than this site allows\. Try again in \d+ seconds?\./);
  expect((await write(cluster.url, other)).status).toBe(201);
});

test('writes on one SQLite instance: one count per reader across every write route', async () => {
  // In memory on SQLite. Next loads each route's bundle with its own copy of our modules, so the
  // counters must be the process's, not the module copy's: notes are created through pages/api,
  // edited and replied to through app/api.
  await withSqliteInstance(70, 'write-limit', { RATE_LIMIT_WRITES: '4/60' }, async (origin) => {
    const cookie = await signUpThrough(origin, 'Limited');
    const send = (method: string, path: string, data: unknown) =>
      fetch(`${origin}${path}`, {
        method,
        headers: { cookie, 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify(data),
      });
    const created = await send(
      'POST',
      `/api/articles/${slug}/annotations`,
      annotationBody('en', 'Nvidia', { visibility: 'shared', body: 'one' }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const statuses = [
      (await send('PATCH', `/api/annotations/${id}`, { body: 'two' })).status,
      (await send('POST', `/api/annotations/${id}/replies`, { body: 'three' })).status,
      (await send('PATCH', `/api/annotations/${id}`, { body: 'four' })).status,
      (await send('POST', `/api/articles/${slug}/annotations`, annotationBody('en', 'Nvidia', { body: 'five' }))).status,
    ];
    expect(statuses).toEqual([200, 201, 200, 429]);
  });
});

test('a server reached directly counts the socket’s address: forged headers, ports and IPv6 spellings do not help', async () => {
  // No TRUSTED_PROXIES, as `npm run reader` runs: nobody's X-Forwarded-For is believed.
  await withSqliteInstance(71, 'direct-limit', { RATE_LIMIT_SIGN_INS: '4/300' }, async (origin) => {
    const forged: Record<string, string>[] = [
      { 'X-Forwarded-For': '203.0.113.1' },
      { 'X-Forwarded-For': '127.0.0.1:4444' },
      { 'X-Forwarded-For': '::ffff:127.0.0.2', 'X-Real-IP': '203.0.113.3' },
      { Forwarded: 'for=203.0.113.4' },
      { 'X-Reader-Peer': 'forged 203.0.113.5' },
    ];
    const statuses: number[] = [];
    for (const headers of forged)
      statuses.push((await post(origin, '/api/auth/sign-in/email', { email: `${randomUUID()}@example.test`, password }, headers)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});

test('an import counts each note it creates against the write limit, and reports the rest', async () => {
  await withSqliteInstance(72, 'import-limit', { RATE_LIMIT_WRITES: '4/60' }, async (origin) => {
    const author = await signUpThrough(origin, 'Author');
    const restorer = await signUpThrough(origin, 'Restorer');
    // The author's four notes are the author's whole allowance.
    for (const phrase of ['Nvidia', 'DeepSeek', 'Microsoft', 'Meta'])
      expect(
        (
          await fetch(`${origin}/api/articles/${slug}/annotations`, {
            method: 'POST',
            headers: { cookie: author, 'Content-Type': 'application/json', Origin: origin },
            body: JSON.stringify(annotationBody('en', phrase, { body: phrase })),
          })
        ).status,
      ).toBe(201);
    const exported = await (await fetch(`${origin}/api/me/annotations/export?format=jsonld`, { headers: { cookie: author } })).text();
    const answer = await fetch(`${origin}/api/annotations/import`, {
      method: 'POST',
      headers: { cookie: restorer, 'Content-Type': 'application/ld+json', Origin: origin },
      body: exported,
    });
    // The import itself is one write, each note one more: 3 notes fit in the 4, the fourth is reported.
    const report = (await answer.json()) as { created: number; skipped: { reason: string }[] };
    expect(report.created).toBe(3);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0].reason).toMatch(/limit on new notes for now; import the same file again in \d+ seconds/);
    const again = await fetch(`${origin}/api/annotations/import`, {
      method: 'POST',
      headers: { cookie: restorer, 'Content-Type': 'application/ld+json', Origin: origin },
      body: exported,
    });
    expect(again.status).toBe(429);
  });
});
