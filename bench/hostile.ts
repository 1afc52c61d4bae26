/**
 * `npm run bench:hostile`: the attacks of issue 11 against one production server (`next start`, its
 * 160 MB heap cap, SQLite, the default limits but writes), while ordinary readers load the article and
 * its notes:
 *  1. readers alone (20 connections, the page and the notes list in turn) for --baseline seconds;
 *  2. the same readers with 20 attacker connections for --seconds (default 60): bodies of 4–20 MB,
 *     declared and chunked, nested millions deep; sign-ins in every encoding against one account and
 *     with forged addresses; a 1 MB display name; TRACE; bodies on GET and on pages; 10 MB imports;
 *     exports; event streams held open past the caps;
 *  3. a maximal import (1,000 notes) while GET /api/session is timed, against the same route idle.
 * Records crashes (the server must be the same process at the end), readers' p99 under attack against
 * the readers alone, answers by status, and the server's peak memory; writes bench/RESULTS.md.
 * Options: --no-build, --seconds=N, --baseline=N.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { hostileBody, sizeClasses } from '../scripts/test/hostile-bodies';
import { rawRequest, type RawRequest } from '../scripts/test/raw-request';
import { listeningPid, processMemoryMb } from '../scripts/test/server-process';
import { signUp } from '../scripts/test/accounts';
import { noteBody } from './lib/note-body';
import { describeMachine } from './lib/machine';
import { startNextServer } from './lib/next-server';
import { percentile, writeResultsSection } from './lib/results';
import { benchArgs } from './lib/args';

const args = benchArgs();
const attackSeconds = Number(args.get('seconds') ?? 60);
const baselineSeconds = Number(args.get('baseline') ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3300) + 2;
const slug = 'deepseek-capex';
const readerConnections = 20;
const attackerConnections = 20;

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

/** The readers: the article page and its notes list in turn, as a browser asks for them. */
const readers = (origin: string, seconds: number) =>
  cannon({
    url: origin,
    connections: readerConnections,
    duration: seconds,
    headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    requests: [{ path: `/zh/articles/${slug}` }, { path: `/api/articles/${slug}/annotations` }],
  });

/** Shared notes for the list and the exports: 200, by a few readers. */
async function seed(origin: string) {
  const cookies = await Promise.all([0, 1, 2, 3].map((i) => signUp(origin, `Seeder${i}`)));
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${origin}/api/articles/${slug}/annotations`, {
      method: 'POST',
      headers: { cookie: cookies[i % 4], Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify(noteBody(i)),
    });
    if (response.status !== 201) throw new Error(`seed: ${response.status} ${await response.text()}`);
  }
  return cookies;
}

/** Every attack, as one request each; an attacker connection goes round them in a loop. */
function attacks(origin: string, attackerCookie: string, victimEmail: string): (() => RawRequest)[] {
  const json = { 'Content-Type': 'application/json', Origin: origin };
  const deep4 = hostileBody('deep-arrays', sizeClasses['4 MB']);
  const many4 = hostileBody('many-objects', sizeClasses['4 MB']);
  const big20 = hostileBody('long-string', sizeClasses['20 MB']);
  const deepImport = hostileBody('deep-arrays', 10_000_000);
  let guess = 0;
  return [
    () => ({ url: `${origin}/api/auth/sign-up/email`, method: 'POST', headers: json, body: deep4 }),
    () => ({ url: `${origin}/api/auth/sign-up/email`, method: 'POST', headers: json, body: deep4, chunked: true }),
    () => ({ url: `${origin}/api/auth/sign-in/email`, method: 'POST', headers: json, body: many4, chunked: true }),
    () => ({ url: `${origin}/api/auth/sign-in/email`, method: 'POST', headers: json, body: big20 }),
    () => ({
      url: `${origin}/api/auth/sign-in/email`,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, 'X-Forwarded-For': `203.0.113.${guess % 250}` },
      body: Buffer.from(new URLSearchParams({ email: victimEmail, password: `guess ${guess++}` }).toString()),
    }),
    () => ({
      url: `${origin}/api/auth/sign-in/email`,
      method: 'POST',
      headers: { ...json, 'X-Forwarded-For': `198.51.100.${guess % 250}`, 'X-Real-IP': '192.0.2.1' },
      body: Buffer.from(JSON.stringify({ email: victimEmail, password: `guess ${guess++}` })),
    }),
    () => ({
      url: `${origin}/api/auth/update-user`,
      method: 'POST',
      headers: { ...json, cookie: attackerCookie },
      body: Buffer.from(JSON.stringify({ name: 'x'.repeat(1_000_000) })),
    }),
    () => ({
      url: `${origin}/api/auth/update-user`,
      method: 'POST',
      headers: { ...json, cookie: attackerCookie },
      body: Buffer.from(JSON.stringify({ name: 'x'.repeat(100) })),
    }),
    () => ({ url: `${origin}/api/annotations/import`, method: 'POST', headers: { ...json, cookie: attackerCookie }, body: deepImport }),
    () => ({
      url: `${origin}/api/annotations/import`,
      method: 'POST',
      headers: { ...json, cookie: attackerCookie },
      body: deepImport,
      chunked: true,
    }),
    () => ({ url: `${origin}/api/session`, method: 'TRACE' }),
    () => ({ url: `${origin}/api/articles/${slug}/annotations`, method: 'GET', body: big20, chunked: true }),
    () => ({ url: `${origin}/zh`, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: big20 }),
    () => ({ url: `${origin}/api/articles/${slug}/annotations/export?format=jsonld`, method: 'GET' }),
    () => ({ url: `${origin}/api/articles/${slug}/annotations/export?format=csv`, method: 'GET' }),
  ];
}

/** Opens event streams from one client and keeps them for `ms`: the caps must refuse the ones past them. */
async function holdStreams(origin: string, count: number, ms: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  const controllers: AbortController[] = [];
  // Held until the end: undici cancels the body of a Response that is garbage-collected unread, which
  // closed streams early under the attack's memory churn and let later ones in.
  const held: Response[] = [];
  await Promise.all(
    Array.from({ length: count }, async () => {
      const controller = new AbortController();
      controllers.push(controller);
      try {
        const response = await fetch(`${origin}/api/articles/${slug}/events`, { signal: controller.signal });
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status !== 200) await response.arrayBuffer();
        else held.push(response);
      } catch {
        statuses[0] = (statuses[0] ?? 0) + 1;
      }
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  for (const controller of controllers) controller.abort();
  held.length = 0;
  return statuses;
}

/** Attacker connections going round the attacks until `until`; answers by status (0: no answer). */
async function attack(list: (() => RawRequest)[], until: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  await Promise.all(
    Array.from({ length: attackerConnections }, async (_, connection) => {
      for (let i = connection; Date.now() < until; i++) {
        const status = await rawRequest({ ...list[i % list.length](), timeoutMs: 30_000 }).then(
          (answer) => answer.status,
          () => 0,
        );
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

/** Latencies (ms) of sequential GET /api/session requests until `done` resolves (or `ms` pass). */
async function timeSessions(origin: string, cookie: string, done: Promise<unknown>, ms = 60_000): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const until = Date.now() + ms;
  const times: number[] = [];
  while (!finished && Date.now() < until) {
    const started = performance.now();
    await (await fetch(`${origin}/api/session`, { headers: { cookie } })).arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

/** A JSON-LD export of 1,000 notes of the reader's own: the largest import a reader may send. */
async function maximalImport(origin: string, cookie: string): Promise<string> {
  for (let i = 0; i < 1000; i++) {
    const response = await fetch(`${origin}/api/articles/${slug}/annotations`, {
      method: 'POST',
      headers: { cookie, Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...noteBody(i), visibility: 'private' }),
    });
    if (response.status !== 201) throw new Error(`import seed: ${response.status}`);
  }
  return (await fetch(`${origin}/api/me/annotations/export?format=jsonld`, { headers: { cookie } })).text();
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-hostile-'));
  // Writes raised (the import phase makes 1,000 notes); every other limit is the default.
  const env = {
    DATABASE_URL: `file:${path.join(folder, 'reader.db')}`,
    BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-11',
    LOG_REQUESTS: '0',
    WARM_UP: '0',
    RATE_LIMIT_WRITES: '100000/60',
    RATE_LIMIT_SIGN_UPS: '100/3600',
  };
  const migrate = spawnSync('npm', ['run', 'db:migrate'], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (migrate.status !== 0) throw new Error('db:migrate failed');
  const server = await startNextServer({ port, build: !args.has('no-build'), env });
  const pid = listeningPid(port);
  if (!pid) throw new Error('no server process listens');
  const idleRss = processMemoryMb(pid).rss;
  try {
    const [victimCookie] = await seed(server.origin);
    const victimEmail = (
      (await (await fetch(`${server.origin}/api/auth/get-session`, { headers: { cookie: victimCookie } })).json()) as {
        user: { email: string };
      }
    ).user.email;
    const attackerCookie = await signUp(server.origin, 'Attacker');

    console.log(`readers alone, ${baselineSeconds} s…`);
    const baseline = await readers(server.origin, baselineSeconds);

    console.log(`readers under attack, ${attackSeconds} s…`);
    const until = Date.now() + attackSeconds * 1000;
    const [underAttack, attackStatuses, streams] = await Promise.all([
      readers(server.origin, attackSeconds),
      attack(attacks(server.origin, attackerCookie, victimEmail), until),
      holdStreams(server.origin, 30, Math.min(10_000, attackSeconds * 500)),
    ]);
    const survived = listeningPid(port) === pid;

    console.log('a maximal import, timing /api/session…');
    const importer = await signUp(server.origin, 'Importer');
    const exported = await maximalImport(server.origin, importer);
    const other = await signUp(server.origin, 'Bystander');
    const idle = await timeSessions(server.origin, other, new Promise((resolve) => setTimeout(resolve, 5_000)));
    const importing = fetch(`${server.origin}/api/annotations/import`, {
      method: 'POST',
      // A new reader, so none of the 1,000 is a duplicate: every one is created.
      headers: { cookie: await signUp(server.origin, 'Restorer'), Origin: server.origin, 'Content-Type': 'application/ld+json' },
      body: exported,
    }).then(async (response) => ({ status: response.status, report: (await response.json()) as { created: number } }));
    const duringImport = await timeSessions(server.origin, other, importing);
    const imported = await importing;
    const memory = processMemoryMb(pid);

    const statusList = (statuses: Record<number, number>) =>
      Object.entries(statuses)
        .sort()
        .map(([status, count]) => `${status === '0' ? 'no answer' : status} × ${count}`)
        .join(', ');
    const ratio = underAttack.latency.p99 / baseline.latency.p99;
    const importRatio = percentile(duringImport, 99) / percentile(idle, 99);
    const markdown = [
      '## bench:hostile (issue 11)',
      '',
      `${new Date().toISOString().slice(0, 10)}, ${describeMachine()}. One \`next start\` on SQLite (160 MB heap cap), default limits but writes; load generator on the same machine.`,
      '',
      '| measure | value | budget |',
      '|---|---|---|',
      `| server crashes (same process at the end) | ${survived ? 0 : 1} | 0 |`,
      `| readers alone (${readerConnections} connections, page + list): p50 / p99 | ${baseline.latency.p50} / ${baseline.latency.p99} ms, ${baseline.requests.average} req/s | |`,
      `| readers under attack (${attackerConnections} attacker connections, ${attackSeconds} s): p50 / p99 | ${underAttack.latency.p50} / ${underAttack.latency.p99} ms, ${underAttack.requests.average} req/s | |`,
      `| readers' p99 under attack ÷ alone | ${ratio.toFixed(2)}× | ≤ 2× |`,
      `| readers' errors and timeouts under attack | ${underAttack.errors + underAttack.timeouts} (non-2xx: ${underAttack.non2xx}) | 0 |`,
      `| attack answers by status | ${statusList(attackStatuses)} | no 5xx, no "no answer" |`,
      `| 30 event streams from one client | ${statusList(streams)} | 20 × 200, rest 429 |`,
      `| server memory: idle / peak (VmHWM) | ${idleRss.toFixed(0)} / ${memory.peak.toFixed(0)} MB | |`,
      `| maximal import (1,000 notes, ${(exported.length / 1e6).toFixed(1)} MB): answer | ${imported.status}, ${imported.report.created} created | |`,
      `| GET /api/session p99: idle / during the import | ${percentile(idle, 99).toFixed(1)} / ${percentile(duringImport, 99).toFixed(1)} ms (${duringImport.length} requests) | |`,
      `| … during ÷ idle | ${importRatio.toFixed(2)}× | ≤ 3× |`,
    ].join('\n');
    console.log(markdown);
    writeResultsSection('bench:hostile', markdown);
  } finally {
    server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
