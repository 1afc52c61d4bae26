/**
 * `npm run bench:load`: a mixed workload of readers and writers (issue 12's targets), on an article that
 * starts with 10,000 shared notes (`db:seed:many`), against
 *  (a) one instance on SQLite (the embedded default),
 *  (b) two instances on PostgreSQL (127.0.0.1:5432, a new database) behind nginx (deploy/nginx.conf)
 *      with its caching of public answers left out, and
 *  (c) the same with it, as deployed,
 * each started with `npm start`. Readers load the article page or what its annotation layer reads (the
 * summary, a busy sentence's first page); writers create notes, edit their own and reply to others'.
 * Reports throughput, p50/p99 and errors per kind of request, peak memory per instance, (b)/(a), the
 * cache's hit ratio in (c), and the floor: the summary's bytes from a plain Node server to as many
 * connections. Writes its section of bench/RESULTS.md. Options: --no-build, --seconds=N (default 20),
 * --connections=N (default 200), --only=sqlite|postgresql|cached.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { startInstance, type Instance } from '../scripts/deploy/instance';
import { startProxy, type Proxy } from '../scripts/deploy/proxy';
import { createTemporaryDatabase } from '../scripts/db/postgres-server';
import { raisedLimits } from '../scripts/test/raised-limits';
import { signUp } from '../scripts/test/accounts';
import { hotSentence } from '../lib/seed/hot-sentence';
import { noteBody } from './lib/note-body';
import { describeMachine } from './lib/machine';
import { startPlainServer } from './lib/plain-server';
import { samplePeakServerRss } from './lib/process-memory';
import { writeResultsSection } from './lib/results';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const seconds = Number(args.get('seconds') ?? 20);
const connections = Number(args.get('connections') ?? 200);
const basePort = Number(process.env.BENCH_PORT ?? 3300) + 100;
const slug = 'deepseek-capex';
const writerCount = 40;
const seedNotes = 10_000;
const env = { BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-03', LOG_REQUESTS: '0', ...raisedLimits };

/** How the connections are shared out: mostly readers, as on a reading site. */
const mix = { reads: 0.5, pages: 0.4, writes: 0.1 };

type Deployment = { label: string; origin: string; instances: Instance[]; accessLog?: string; stop(): Promise<void> };
type Row = { kind: string; connections: number; requests: number; rps: number; p50: number; p99: number; errors: number; what: string };
type Run = {
  deployment: string;
  rows: Row[];
  memory: number[];
  total: { rps: number; errors: number };
  summaryBody: Uint8Array;
  hitRatio?: number;
};

/** A new database (migrated) with the article's 10,000 shared notes, 1,000 of them on one sentence. */
function seedDatabase(databaseUrl: string) {
  for (const [script, ...rest] of [
    ['db:migrate'],
    ['db:seed:many', '--', `--notes=${seedNotes}`, `--replies=${seedNotes / 10}`, '--hot=1000'],
  ]) {
    const run = spawnSync('npm', ['run', '--silent', script, ...rest], {
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`${script}: ${run.stderr}`);
  }
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

async function post(origin: string, pathname: string, cookie: string, body: unknown) {
  const response = await fetch(`${origin}${pathname}`, {
    method: 'POST',
    headers: { cookie, Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string }>;
}

/** Writers with a note each (theirs to edit), and shared notes (the seeded ones) for writers to answer. */
async function prepare(origin: string) {
  const writers: { cookie: string; own: string }[] = [];
  for (let i = 0; i < writerCount; i++) {
    const cookie = await signUp(origin, `Load${i}`);
    writers.push({ cookie, own: (await post(origin, `/api/articles/${slug}/annotations`, cookie, noteBody(i))).id });
  }
  const page = (await (await fetch(`${origin}/api/articles/${slug}/annotations?limit=500`)).json()) as { annotations: { id: string }[] };
  return { writers, shared: page.annotations.map((note) => note.id) };
}

/** The three kinds of client at once for `seconds`, on `connections` connections in all. */
async function workload(origin: string, prepared: Awaited<ReturnType<typeof prepare>>): Promise<Row[]> {
  const share = (part: number) => Math.max(1, Math.round(connections * part));
  const common = { url: origin, duration: seconds, headers: { Origin: origin } };
  let client = 0;
  let turn = 0;
  const ownNote = new Map(prepared.writers.map((w) => [w.cookie, w.own]));
  const writes = cannon({
    ...common,
    connections: share(mix.writes),
    // Each connection writes as one reader: a new note, an edit of their own, a reply to someone's.
    setupClient: (c) => {
      const writer = prepared.writers[client++ % prepared.writers.length];
      c.setHeaders({ cookie: writer.cookie, Origin: origin, 'Content-Type': 'application/json' });
    },
    requests: [
      {
        method: 'POST',
        path: `/api/articles/${slug}/annotations`,
        setupRequest: (r) => ({ ...r, body: JSON.stringify(noteBody(seedNotes + turn++)) }),
      },
      {
        method: 'PATCH',
        setupRequest: (r) => ({
          ...r,
          path: `/api/annotations/${ownNote.get((r.headers as Record<string, string>).cookie)}`,
          body: JSON.stringify({ body: `Edited ${turn++}` }),
        }),
      },
      {
        method: 'POST',
        setupRequest: (r) => ({
          ...r,
          path: `/api/annotations/${prepared.shared[turn++ % prepared.shared.length]}/replies`,
          body: JSON.stringify({ body: `Reply ${turn}` }),
        }),
      },
    ],
  } as autocannon.Options);
  // Readers are browsers: they take gzip (Next compresses every answer). What the annotation layer reads
  // of a busy article: the summary, then the notes of a sentence (the busiest, and another).
  const reading = { ...common, headers: { ...common.headers, 'Accept-Encoding': 'gzip, deflate, br, zstd' } };
  const reads = cannon({
    ...reading,
    connections: share(mix.reads),
    requests: [
      { path: `/api/articles/${slug}/summary` },
      { path: `/api/articles/${slug}/sentences/${hotSentence}/annotations` },
      { path: `/api/articles/${slug}/sentences/p03-s1/annotations` },
    ],
  });
  const pages = cannon({ ...reading, connections: share(mix.pages), url: `${origin}/zh/articles/${slug}` });
  const results = await Promise.all([reads, pages, writes]);
  const kinds = ['annotation reads: summary, sentence pages (GET)', 'article pages (GET)', 'writes: create, edit, reply'];
  return results.map((result, i) => ({
    kind: kinds[i],
    connections: result.connections,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors, // autocannon counts timeouts among errors
    what: whatWentWrong(result),
  }));
}

/** "503 ×3, 12 timeouts (10 s)": the non-2xx answers by status, then timeouts and other errors. */
function whatWentWrong(result: autocannon.Result): string {
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const parts = Object.entries(stats)
    // Requests that got no answer are counted by autocannon under "undefined"; they are the timeouts and errors below.
    .filter(([code]) => /^\d+$/.test(code) && !code.startsWith('2'))
    .map(([code, { count }]) => `${code} ×${count}`);
  if (result.timeouts) parts.push(`${result.timeouts} timeouts (10 s)`);
  const other = result.errors - result.timeouts;
  if (other > 0) parts.push(`${other} connection errors`);
  return parts.join(', ');
}

/** Of the public note answers nginx gave, the share it took from its cache (its access log's `cache` field). */
function hitRatio(accessLog: string): number {
  const lines = fs.readFileSync(accessLog, 'utf8').split('\n').filter(Boolean);
  const cached = lines
    .map((line) => JSON.parse(line) as { uri: string; cache: string })
    .filter((entry) => /\/(summary|sentences\/)/.test(entry.uri));
  return cached.filter((entry) => entry.cache === 'HIT' || entry.cache === 'UPDATING').length / Math.max(1, cached.length);
}

async function measure(deployment: Deployment): Promise<Run> {
  const prepared = await prepare(deployment.origin);
  const peaks = deployment.instances.map((instance) => samplePeakServerRss(instance.group));
  const rows = await workload(deployment.origin, prepared);
  const memory = peaks.map((stop) => stop());
  const summaryBody = gzipSync(new Uint8Array(await (await fetch(`${deployment.origin}/api/articles/${slug}/summary`)).arrayBuffer()));
  return {
    summaryBody,
    ...(deployment.accessLog && { hitRatio: hitRatio(deployment.accessLog) }),
    deployment: deployment.label,
    rows,
    memory,
    total: { rps: rows.reduce((sum, row) => sum + row.rps, 0), errors: rows.reduce((sum, row) => sum + row.errors, 0) },
  };
}

async function sqliteDeployment(): Promise<Deployment> {
  const file = '.data/bench-load.db';
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  seedDatabase(`file:${file}`);
  const instance = await startInstance({
    port: basePort,
    env: { ...env, DATABASE_URL: `file:${file}` },
    logFile: path.join(os.tmpdir(), 'bench-load-sqlite.log'),
  });
  return {
    label: '(a) one instance, SQLite',
    origin: instance.url,
    instances: [instance],
    async stop() {
      await instance.stop();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
}

async function postgresDeployment(cache: boolean): Promise<Deployment> {
  const database = await createTemporaryDatabase('reader_bench_load');
  seedDatabase(database.url);
  const ports = [basePort + 11, basePort + 12];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-nginx-'));
  const instances = await Promise.all(
    ports.map((port) =>
      startInstance({
        port,
        env: { ...env, DATABASE_URL: database.url },
        logFile: path.join(os.tmpdir(), `bench-load-postgresql-${port}.log`),
      }),
    ),
  );
  const proxy: Proxy = await startProxy({ port: basePort + 10, upstreams: ports, folder, cache });
  return {
    label: cache ? '(c) two instances, PostgreSQL, nginx caching public answers' : '(b) two instances, PostgreSQL, nginx (no caching)',
    origin: proxy.url,
    instances,
    accessLog: cache ? path.join(folder, 'access.log') : undefined,
    async stop() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await proxy.stop();
      await database.drop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

function table(run: Run): string {
  const lines = [
    `**${run.deployment}**: ${run.total.rps.toFixed(0)} requests/s in all, ${run.total.errors} errors; peak memory ${run.memory.map((mb) => `${mb.toFixed(0)} MB`).join(' and ')} (server process${run.memory.length > 1 ? 'es' : ''}).`,
    '',
    '| requests | connections | requests/s | p50 | p99 | non-2xx + errors |',
    '|---|---|---|---|---|---|',
    ...run.rows.map(
      (r) =>
        `| ${r.kind} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors}${r.what ? ` (${r.what})` : ''} |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  if (!args.has('no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const runs: Run[] = [];
  // --only=sqlite, postgresql or cached runs one deployment (and writes nothing to RESULTS.md).
  const only = args.get('only');
  const starts: [string, () => Promise<Deployment>][] = [
    ['sqlite', sqliteDeployment],
    ['postgresql', () => postgresDeployment(false)],
    ['cached', () => postgresDeployment(true)],
  ];
  for (const [name, start] of starts.filter(([name]) => !only || only === name)) {
    const deployment = await start();
    try {
      console.log(`bench:load: ${deployment.label} (${name}), ${connections} connections, ${seconds} s…`);
      runs.push(await measure(deployment));
      console.log(table(runs.at(-1)!));
    } finally {
      await deployment.stop();
    }
  }
  if (runs.length < 3) return;
  const [a, b, c] = runs;
  // The floor: the summary's bytes (gzip, as readers got it) from a plain Node server (no Next, no
  // session, no database, no other traffic) to as many connections: what the load generator itself costs.
  const plain = await startPlainServer(a.summaryBody, basePort + 50);
  const floor = await cannon({ url: plain.url, connections: Math.round(connections * mix.reads), duration: 10 });
  plain.stop();
  const floorLine = `The floor: the summary (${(a.summaryBody.length / 1024).toFixed(1)} KB gzip) from a plain Node server (no Next, no session, no database, no other traffic) to ${floor.connections} connections: ${floor.requests.average.toFixed(0)} requests/s, p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms.`;
  console.log(floorLine);
  const reads = (run: Run) => run.rows[0];
  const writes = (run: Run) => run.rows[2];
  const verdict = (run: Run) =>
    `| ${run.deployment} | ${run.total.rps.toFixed(0)} | ${run.total.errors} | ${writes(run).p99} ms | ${reads(run).p99} ms (${(reads(run).p99 / floor.latency.p99).toFixed(2)}× the floor) | ${run.hitRatio === undefined ? '' : `${(run.hitRatio * 100).toFixed(0)}%`} |`;
  writeResultsSection(
    'bench:load',
    `## Mixed load: SQLite, two instances on PostgreSQL behind nginx, and with nginx caching (\`npm run bench:load\`, issue 12)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describeMachine()}.
Production build, each instance started with \`npm start\` (rate limits raised: ${writerCount} writers from one address); ${connections} connections for ${seconds} s, split ${mix.reads * 100}% annotation reads (the summary and sentence pages, in turn), ${mix.pages * 100}% article pages, ${mix.writes * 100}% writers (each connection one reader, in turn creating a note, editing their own, replying to another's). The article starts with ${seedNotes.toLocaleString('en')} shared notes (1,000 on one sentence) and grows as the writers write. autocannon runs on the same 2 cores as the servers, PostgreSQL and nginx.

Targets: zero errors and timeouts; writes p99 ≤ 1 s; annotation reads p99 ≤ 2× the floor; (b) throughput ≥ 0.8× (a).

| deployment | requests/s | errors | writes p99 | annotation reads p99 | nginx cache hits |
|---|---|---|---|---|---|
${runs.map(verdict).join('\n')}

(b)/(a) throughput: ${(b.total.rps / a.total.rps).toFixed(2)}×; (c)/(a): ${(c.total.rps / a.total.rps).toFixed(2)}×.

${floorLine}

${runs.map(table).join('\n\n')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
