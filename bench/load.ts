/**
 * `npm run bench:load`: a mixed workload of readers and writers against
 *  (a) one instance on SQLite (the embedded default), and
 *  (b) two instances on PostgreSQL (127.0.0.1:5432, a new database) behind nginx (deploy/nginx.conf),
 * each started with `npm start` as in production. Readers load the article page and its notes list;
 * writers create notes, edit their own and reply to others'. Reports throughput, p50/p99 latency and
 * errors per kind of request, peak memory per instance, and (b)/(a). Writes its section of
 * bench/RESULTS.md. Options: --no-build, --seconds=N (default 20), --connections=N (default 200), --only=sqlite|postgresql.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import autocannon from 'autocannon';
import { startInstance, type Instance } from '../scripts/deploy/instance';
import { startProxy, type Proxy } from '../scripts/deploy/proxy';
import { createTemporaryDatabase } from '../scripts/db/postgres-server';
import { raisedLimits } from '../scripts/test/raised-limits';
import { signUp } from '../scripts/test/accounts';
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
const seedNotes = 200;
const env = { BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-03', LOG_REQUESTS: '0', ...raisedLimits };

/** How the connections are shared out: mostly readers, as on a reading site. */
const mix = { lists: 0.5, pages: 0.4, writes: 0.1 };

type Deployment = { label: string; origin: string; instances: Instance[]; stop(): Promise<void> };
type Row = { kind: string; connections: number; requests: number; rps: number; p50: number; p99: number; errors: number; what: string };
type Run = { deployment: string; rows: Row[]; memory: number[]; total: { rps: number; errors: number }; listBody: Uint8Array };

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

/** Writers with a note each (theirs to edit), and shared notes for readers to list and writers to answer. */
async function prepare(origin: string) {
  const writers: { cookie: string; own: string }[] = [];
  for (let i = 0; i < writerCount; i++) {
    const cookie = await signUp(origin, `Load${i}`);
    writers.push({ cookie, own: (await post(origin, `/api/articles/${slug}/annotations`, cookie, noteBody(i))).id });
  }
  const shared: string[] = writers.map((w) => w.own);
  for (let i = writerCount; i < seedNotes; i++) shared.push((await post(origin, `/api/articles/${slug}/annotations`, writers[i % writerCount].cookie, noteBody(i))).id);
  return { writers, shared };
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
      { method: 'POST', path: `/api/articles/${slug}/annotations`, setupRequest: (r) => ({ ...r, body: JSON.stringify(noteBody(seedNotes + turn++)) }) },
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
        setupRequest: (r) => ({ ...r, path: `/api/annotations/${prepared.shared[turn++ % prepared.shared.length]}/replies`, body: JSON.stringify({ body: `Reply ${turn}` }) }),
      },
    ],
  } as autocannon.Options);
  // Readers are browsers: they take brotli and gzip (the list is kept brotli-compressed; Next gzips pages).
  const reading = { ...common, headers: { ...common.headers, 'Accept-Encoding': 'gzip, deflate, br, zstd' } };
  const lists = cannon({ ...reading, connections: share(mix.lists), url: `${origin}/api/articles/${slug}/annotations` });
  const pages = cannon({ ...reading, connections: share(mix.pages), url: `${origin}/zh/articles/${slug}` });
  const results = await Promise.all([lists, pages, writes]);
  const kinds = ['annotation lists (GET)', 'article pages (GET)', 'writes: create, edit, reply'];
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

async function measure(deployment: Deployment): Promise<Run> {
  const prepared = await prepare(deployment.origin);
  const peaks = deployment.instances.map((instance) => samplePeakServerRss(instance.group));
  const rows = await workload(deployment.origin, prepared);
  const memory = peaks.map((stop) => stop());
  const listBody = new Uint8Array(await (await fetch(`${deployment.origin}/api/articles/${slug}/annotations`)).arrayBuffer());
  return {
    listBody,
    deployment: deployment.label,
    rows,
    memory,
    total: { rps: rows.reduce((sum, row) => sum + row.rps, 0), errors: rows.reduce((sum, row) => sum + row.errors, 0) },
  };
}

async function sqliteDeployment(): Promise<Deployment> {
  const file = '.data/bench-load.db';
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const instance = await startInstance({ port: basePort, env: { ...env, DATABASE_URL: `file:${file}` }, logFile: path.join(os.tmpdir(), 'bench-load-sqlite.log') });
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

async function postgresDeployment(): Promise<Deployment> {
  const database = await createTemporaryDatabase('reader_bench_load');
  const ports = [basePort + 11, basePort + 12];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-nginx-'));
  const instances = await Promise.all(
    ports.map((port) => startInstance({ port, env: { ...env, DATABASE_URL: database.url }, logFile: path.join(os.tmpdir(), `bench-load-postgresql-${port}.log`) })),
  );
  const proxy: Proxy = await startProxy({ port: basePort + 10, upstreams: ports, folder });
  return {
    label: '(b) two instances, PostgreSQL, nginx',
    origin: proxy.url,
    instances,
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
    ...run.rows.map((r) => `| ${r.kind} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors}${r.what ? ` (${r.what})` : ''} |`),
  ];
  return lines.join('\n');
}

async function main() {
  if (!args.has('no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const runs: Run[] = [];
  // --only=sqlite or --only=postgresql runs one deployment (and writes nothing to RESULTS.md).
  const only = args.get('only');
  const starts = [sqliteDeployment, postgresDeployment].filter((_, i) => !only || only === ['sqlite', 'postgresql'][i]);
  for (const start of starts) {
    const deployment = await start();
    try {
      console.log(`bench:load: ${deployment.label}, ${connections} connections, ${seconds} s…`);
      runs.push(await measure(deployment));
      console.log(table(runs.at(-1)!));
    } finally {
      await deployment.stop();
    }
  }
  if (runs.length < 2) return;
  const [a, b] = runs;
  // The floor: the final list's bytes from a plain Node server (no Next, no session, no database, no
  // other traffic) to the same number of connections. What the load generator itself costs.
  const plain = await startPlainServer(brotliCompressSync(a.listBody, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), basePort + 50);
  const floor = await cannon({ url: plain.url, connections: Math.round(connections * mix.lists), duration: 10 });
  plain.stop();
  const floorLine = `The floor: the final annotation list of (a) (${Math.round(a.listBody.length / 1024)} KB, brotli-compressed as the readers got it) from a plain Node server (no Next, no session, no database, no other traffic) to ${floor.connections} connections: ${floor.requests.average.toFixed(0)} requests/s, p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms.`;
  console.log(floorLine);
  const lists = (run: Run) => run.rows[0];
  const ratio = `(b)/(a): throughput ${(b.total.rps / a.total.rps).toFixed(2)}×; annotation-list p99 ${(lists(b).p99 / lists(a).p99).toFixed(2)}×.`;
  const verdict = (run: Run) =>
    `${run.deployment}: ${run.total.errors === 0 ? 'zero errors' : `${run.total.errors} errors`}, annotation-list p99 ${lists(run).p99} ms (${lists(run).p99 < 100 ? 'within' : 'over'} the 100 ms target)`;
  writeResultsSection(
    'bench:load',
    `## Mixed load, SQLite vs two instances on PostgreSQL (\`npm run bench:load\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describeMachine()}.
Production build, each instance started with \`npm start\` (rate limits raised: ${writerCount} writers from one address); ${connections} connections for ${seconds} s, split ${mix.lists * 100}% annotation lists, ${mix.pages * 100}% article pages, ${mix.writes * 100}% writers (each connection one reader, in turn creating a note, editing their own, replying to another's). The article starts with ${seedNotes} shared notes and grows as the writers write. Readers send \`Accept-Encoding: gzip, deflate, br, zstd\`, as browsers do. autocannon runs on the same 2 cores as the servers, PostgreSQL and nginx.

Targets: zero errors; annotation-list p99 under 100 ms at 200 connections.

${runs.map(table).join('\n\n')}

${ratio}

${floorLine}

${runs.map(verdict).join('; ')}.`,
  );
  console.log(ratio);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
