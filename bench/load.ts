/**
 * `npm run bench:load`: a mixed workload of readers and writers (issue 12's targets), on an article that
 * starts with 10,000 shared notes (`db:seed:many`), against
 *  (a) one instance on SQLite (the embedded default),
 *  (b) two instances on PostgreSQL (127.0.0.1:5432, a new database) behind nginx (deploy/nginx.conf)
 *      with its caching of public answers left out, and
 *  (c) the same with it, as deployed,
 * each started with `npm start`. Readers load the article page or what its annotation layer reads (the
 * summary, a busy sentence's first page); writers create notes, edit their own and reply to others'.
 * Two runs on each deployment, from the same 200 connections:
 *  - paced (bench/lib/open-loop.ts): each connection sends at random moments at a set mean rate, as
 *    readers do, below what the machine can serve: errors, timeouts, p50/p99 per kind of request;
 *    the floor is a plain Node server sending the summary's bytes to the read connections at the same pace.
 *  - flat out (autocannon, each connection sends again as soon as it is answered): throughput, errors,
 *    (b)/(a). Latency there is connections ÷ throughput (Little's law) and says nothing more.
 * Ten seconds of the paced mix come first, not counted (a server just started is slower).
 * Peak memory per instance and the cache's hit ratio in (c). Writes its section of bench/RESULTS.md.
 * Options: --no-build, --seconds=N (default 20, each run), --connections=N (default 200),
 * --only=sqlite|postgresql|cached.
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
import { describeMachine, measureCpuBusy } from './lib/machine';
import { startPlainServer } from './lib/plain-server';
import { samplePeakServerRss } from './lib/process-memory';
import { writeResultsSection } from './lib/results';
import { runOpenLoop, type KindResult, type OpenLoopClient } from './lib/open-loop';
import { benchArgs } from './lib/args';

const args = benchArgs();
const seconds = Number(args.get('seconds') ?? 20);
const connections = Number(args.get('connections') ?? 200);
const basePort = Number(process.env.BENCH_PORT ?? 3300) + 100;
const slug = 'deepseek-capex';
const writerCount = 40;
const seedNotes = 10_000;
const env = { BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-03', LOG_REQUESTS: '0', ...raisedLimits };

/** How the connections are shared out: mostly readers, as on a reading site. */
const mix = { reads: 0.5, pages: 0.4, writes: 0.1 };
/**
 * Requests per second from each connection in the paced run: a busy reading site rather than people
 * (a reader asks for a page every minute or so). In all about 70 requests/s on 200 connections, half
 * of what one SQLite instance serves flat out here, so that latency measures the server, not a queue.
 */
const pace = { reads: 0.5, pages: 0.2, writes: 0.25 };

type Deployment = { label: string; origin: string; instances: Instance[]; accessLog?: string; stop(): Promise<void> };
type Row = { kind: string; connections: number; requests: number; rps: number; p50: number; p99: number; errors: number; what: string };
type Run = {
  deployment: string;
  paced: Row[];
  floorBeside: KindResult;
  /** How busy the machine's cores were during the paced run (0–1). */
  pacedCpuBusy: number;
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

/** The readers and writers of `workload`, each connection sending at its `pace` (bench/lib/open-loop.ts). */
function pacedClients(origin: string, prepared: Awaited<ReturnType<typeof prepare>>): OpenLoopClient[] {
  const share = (part: number) => Math.max(1, Math.round(connections * part));
  const browser = { Origin: origin, 'Accept-Encoding': 'gzip, deflate, br, zstd' };
  let turn = 0;
  const reading = [
    `/api/articles/${slug}/summary`,
    `/api/articles/${slug}/sentences/${hotSentence}/annotations`,
    `/api/articles/${slug}/sentences/p03-s1/annotations`,
  ];
  const reads = Array.from({ length: share(mix.reads) }, (_, i): OpenLoopClient => {
    let n = i;
    return { kind: 'reads', rate: pace.reads, headers: browser, next: () => ({ path: reading[n++ % reading.length] }) };
  });
  const pages = Array.from({ length: share(mix.pages) }, (): OpenLoopClient => ({
    kind: 'pages',
    rate: pace.pages,
    headers: browser,
    next: () => ({ path: `/zh/articles/${slug}` }),
  }));
  const writes = Array.from({ length: share(mix.writes) }, (_, i): OpenLoopClient => {
    const writer = prepared.writers[i % prepared.writers.length];
    let step = 0;
    const json = { 'Content-Type': 'application/json' };
    const steps = [
      () => ({
        method: 'POST',
        path: `/api/articles/${slug}/annotations`,
        headers: json,
        body: JSON.stringify(noteBody(seedNotes + turn++)),
      }),
      () => ({
        method: 'PATCH',
        path: `/api/annotations/${writer.own}`,
        headers: json,
        body: JSON.stringify({ body: `Edited ${turn++}` }),
      }),
      () => ({
        method: 'POST',
        path: `/api/annotations/${prepared.shared[turn++ % prepared.shared.length]}/replies`,
        headers: json,
        body: JSON.stringify({ body: `Reply ${turn}` }),
      }),
    ];
    return {
      kind: 'writes',
      rate: pace.writes,
      headers: { Origin: origin, cookie: writer.cookie },
      next: () => steps[step++ % steps.length](),
    };
  });
  return [...reads, ...pages, ...writes];
}

const pacedKinds: Record<string, string> = {
  reads: 'annotation reads: summary, sentence pages (GET)',
  pages: 'article pages (GET)',
  writes: 'writes: create, edit, reply',
};

async function pacedWorkload(origin: string, prepared: Awaited<ReturnType<typeof prepare>>, duration = seconds): Promise<Row[]> {
  const results = await runOpenLoop(origin, pacedClients(origin, prepared), { seconds: duration });
  return ['reads', 'pages', 'writes'].map((kind) => {
    const r = results.find((result) => result.kind === kind)!;
    return {
      kind: pacedKinds[kind],
      connections: r.clients,
      requests: r.requests,
      rps: r.rps,
      p50: r.p50,
      p99: r.p99,
      errors: r.errors,
      what: r.what,
    };
  });
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

/** As many readers as the paced run's, at the same pace, for a plain server sending the summary's bytes. */
const floorReaders = () =>
  Array.from({ length: Math.max(1, Math.round(connections * mix.reads)) }, (): OpenLoopClient => ({
    kind: 'reads',
    rate: pace.reads,
    headers: { 'Accept-Encoding': 'gzip' },
    next: () => ({ path: '/' }),
  }));

async function measure(deployment: Deployment): Promise<Run> {
  const prepared = await prepare(deployment.origin);
  const summaryBody = gzipSync(new Uint8Array(await (await fetch(`${deployment.origin}/api/articles/${slug}/summary`)).arrayBuffer()));
  // Ten seconds of the paced mix first, not counted: a server just started compiles its code and
  // opens its connections as the first requests come (the first seconds' p99 was 2–3× the rest's).
  await pacedWorkload(deployment.origin, prepared, 10);
  const peaks = deployment.instances.map((instance) => samplePeakServerRss(instance.group));
  // The floor beside: a plain server's readers, during the paced run, on the same busy cores. What
  // the machine and the load generator cost a reader then, with no app at all.
  const plain = await startPlainServer(summaryBody, basePort + 50);
  const busy = measureCpuBusy();
  const [paced, [floorBeside]] = await Promise.all([
    pacedWorkload(deployment.origin, prepared),
    runOpenLoop(plain.url, floorReaders(), { seconds }).finally(() => plain.stop()),
  ]);
  const pacedCpuBusy = busy();
  const rows = await workload(deployment.origin, prepared);
  const memory = peaks.map((stop) => stop());
  return {
    floorBeside,
    pacedCpuBusy,
    summaryBody,
    ...(deployment.accessLog && { hitRatio: hitRatio(deployment.accessLog) }),
    deployment: deployment.label,
    paced,
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

const rowLines = (rows: Row[]) => [
  '| requests | connections | requests/s | p50 | p99 | non-2xx + errors |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.kind} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors}${r.what ? ` (${r.what})` : ''} |`,
  ),
];

function table(run: Run): string {
  const pacedTotal = run.paced.reduce((sum, row) => sum + row.rps, 0);
  return [
    `**${run.deployment}**: peak memory ${run.memory.map((mb) => `${mb.toFixed(0)} MB`).join(' and ')} (server process${run.memory.length > 1 ? 'es' : ''})${run.hitRatio === undefined ? '' : `; nginx answered ${(run.hitRatio * 100).toFixed(0)}% of the summary and sentence requests from its cache`}.`,
    '',
    `Paced, ${pacedTotal.toFixed(0)} requests/s offered, the cores ${(run.pacedCpuBusy * 100).toFixed(0)}% busy; beside it, the plain server's readers: p50 ${run.floorBeside.p50} ms, p99 ${run.floorBeside.p99} ms:`,
    '',
    ...rowLines(run.paced),
    '',
    `Flat out, ${run.total.rps.toFixed(0)} requests/s in all, ${run.total.errors} errors:`,
    '',
    ...rowLines(run.rows),
  ].join('\n');
}

/** The floors: the summary's bytes from a plain Node server to the read connections, paced and flat out. */
async function floors(body: Uint8Array) {
  const plain = await startPlainServer(body, basePort + 50);
  try {
    const readers = floorReaders();
    const [paced] = await runOpenLoop(plain.url, readers, { seconds });
    const flat = await cannon({ url: plain.url, connections: readers.length, duration: 10 });
    return { paced, flat };
  } finally {
    plain.stop();
  }
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
      console.log(`bench:load: ${deployment.label} (${name}), ${connections} connections, ${seconds} s paced, then ${seconds} s flat out…`);
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
  const floor = await floors(a.summaryBody);
  const floorLine = `The floor: the summary (${(a.summaryBody.length / 1024).toFixed(1)} KB gzip) from a plain Node server (no Next, no session, no database, no other traffic) to ${floor.paced.clients} connections: paced as the readers, p50 ${floor.paced.p50} ms, p99 ${floor.paced.p99} ms; flat out, ${floor.flat.requests.average.toFixed(0)} requests/s, p50 ${floor.flat.latency.p50} ms, p99 ${floor.flat.latency.p99} ms.`;
  console.log(floorLine);
  const errors = (rows: Row[]) => rows.reduce((sum, row) => sum + row.errors, 0);
  const verdict = (run: Run) =>
    `| ${run.deployment} | ${(run.pacedCpuBusy * 100).toFixed(0)}% | ${errors(run.paced)} | ${run.paced[2].p99} ms | ${run.paced[0].p99} ms | ${run.floorBeside.p99} ms (${(run.paced[0].p99 / Math.max(0.1, run.floorBeside.p99)).toFixed(1)}×); alone ${floor.paced.p99} ms (${(run.paced[0].p99 / Math.max(0.1, floor.paced.p99)).toFixed(1)}×) | ${run.paced[1].p99} ms | ${run.total.rps.toFixed(0)} | ${run.total.errors} | ${run.rows[2].p99} ms | ${run.hitRatio === undefined ? '' : `${(run.hitRatio * 100).toFixed(0)}%`} |`;
  writeResultsSection(
    'bench:load',
    `## Mixed load: SQLite, two instances on PostgreSQL behind nginx, and with nginx caching (\`npm run bench:load\`, issue 12)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describeMachine()}.
Production build, each instance started with \`npm start\` (rate limits raised: ${writerCount} writers from one address). ${connections} connections: ${mix.reads * 100}% annotation reads (the summary and sentence pages, in turn), ${mix.pages * 100}% article pages, ${mix.writes * 100}% writers (each connection one reader, in turn creating a note, editing their own, replying to another's). The article starts with ${seedNotes.toLocaleString('en')} shared notes (1,000 on one sentence) and grows as the writers write. The load generator runs on the same 2 cores as the servers, PostgreSQL and nginx. Two runs of ${seconds} s on each deployment, after 10 s of the paced mix that are not counted:
- **paced**: each connection sends at random moments, on average ${pace.reads}/s (reads), ${pace.pages}/s (pages), ${pace.writes}/s (writes); a request due while its connection still waits is sent after, and timed from when it was due (\`bench/lib/open-loop.ts\`).
- **flat out**: autocannon, each connection sending again as soon as it is answered: throughput. Its latencies are connections ÷ throughput (Little's law) once the machine is saturated.

Issue 12's targets, judged on the paced run (flat out, p99 is set by the queue, not the server): zero errors and timeouts; writes p99 ≤ 1 s; annotation reads p99 ≤ 2× the floor. The floor is a plain Node server sending the summary's bytes to as many connections at the same pace, measured twice: beside the paced run (its readers on the same busy cores at the same time: what the machine costs a reader then) and alone. On the flat-out run: (b) throughput ≥ 0.8× (a).

| deployment | paced: cores busy | errors | writes p99 | annotation reads p99 | floor p99 beside the run (reads ÷ floor); alone | pages p99 | flat out: requests/s | errors | writes p99 | nginx cache hits |
|---|---|---|---|---|---|---|---|---|---|---|
${runs.map(verdict).join('\n')}

Flat out, (b)/(a) throughput: ${(b.total.rps / a.total.rps).toFixed(2)}×; (c)/(a): ${(c.total.rps / a.total.rps).toFixed(2)}×.

${floorLine}

${runs.map(table).join('\n\n')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
