/**
 * `npm run bench:annotations`: the annotation budgets, on a fresh SQLite database holding 1,000 shared notes.
 *  - anchoring and drawing 1,000 annotations on the article in Chromium (the reader's own measure),
 *  - GET of the article's annotations at 50 connections (autocannon), brotli as browsers ask, gzip and plain,
 *    next to GET /api/session, a bare route that only reads the session, in the same run,
 *  - POST creates per second, and the server's peak memory.
 * Writes its section of bench/RESULTS.md. Options: --no-build, --seconds=N (default 10).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { signUp } from '../scripts/test/accounts';
import { describeMachine } from './lib/machine';
import { noteBody } from './lib/note-body';
import { startNextServer } from './lib/next-server';
import { startPlainServer } from './lib/plain-server';
import { samplePhasePeaks } from './lib/process-memory';
import { median, writeResultsSection } from './lib/results';
import { raisedLimits } from '../scripts/test/raised-limits';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const seconds = Number(args.get('seconds') ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3300);
const slug = 'deepseek-capex';
const databaseFile = '.data/bench.db';
const env = { DATABASE_URL: `file:${databaseFile}`, BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-01', ...raisedLimits };

/** The list as it goes on the wire for a client that takes `coding` (fetch would decode it: plain http here). */
function encodedBody(url: string, cookie: string, coding: 'br' | 'gzip'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Cookie: cookie, 'Accept-Encoding': coding } }, (response) => {
        if (response.headers['content-encoding'] !== coding) reject(new Error(`the list came back without ${coding}`));
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

async function anchoringInBrowser(origin: string, cookie: string) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = cookie.split('; ')[0].split('=');
  await context.addCookies([{ name, value, url: origin }]);
  const page = await context.newPage();
  await page.route(/^https:\/\/inews\.gtimg\.com\//, (route) => route.abort()); // the remote images cannot load here
  const runs: { anchor: number; index: number; count: number }[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${origin}/zh/articles/${slug}?view=bilingual`);
    const handle = await page.waitForFunction(
      () => {
        const anchor = performance
          .getEntriesByName('annotations:anchor-and-paint')
          .find((m) => (m as PerformanceMeasure).detail?.count > 0);
        const index = performance.getEntriesByName('annotations:index-text')[0];
        return anchor && index
          ? { anchor: anchor.duration, index: index.duration, count: (anchor as PerformanceMeasure).detail.count }
          : null;
      },
      undefined,
      { timeout: 30_000 },
    );
    runs.push((await handle.jsonValue())!);
  }
  await browser.close();
  return runs;
}

async function main() {
  fs.rmSync(databaseFile, { force: true });
  const migrate = spawnSync('npm', ['run', 'db:migrate'], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (migrate.status !== 0) throw new Error('db:migrate failed');
  const server = await startNextServer({ port, build: !args.has('no-build'), env });
  const memory = samplePhasePeaks(server.pid);
  try {
    const origin = server.origin;
    const cookie = await signUp(origin);
    const headers = { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' };

    console.log('seeding 1,000 notes');
    memory.phase('seeding 1,000 notes');
    for (let i = 0; i < 1000; i++) {
      const response = await fetch(`${origin}/api/articles/${slug}/annotations`, {
        method: 'POST',
        headers,
        body: JSON.stringify(noteBody(i)),
      });
      if (response.status !== 201) throw new Error(`seed ${i}: ${response.status} ${await response.text()}`);
    }

    console.log('anchoring in Chromium');
    memory.phase('pages in Chromium');
    const browserRuns = await anchoringInBrowser(origin, cookie);

    console.log('GET: bare session route, then the annotations, 50 connections');
    // Browsers always send Accept-Encoding; the list is measured as they get it (brotli), gzip and plain.
    const browser = { Cookie: cookie, 'Accept-Encoding': 'gzip, deflate, br, zstd' };
    const common = { connections: 50, duration: seconds, headers: browser };
    const listUrl = `${origin}/api/articles/${slug}/annotations`;
    memory.phase('bare route');
    await cannon({ ...common, url: `${origin}/api/session`, duration: 3 }); // warm-up
    const bare = await cannon({ ...common, url: `${origin}/api/session` });
    memory.phase('lists, compressed');
    await cannon({ ...common, url: listUrl, duration: 3 });
    const list = await cannon({ ...common, url: listUrl });
    const listGzip = await cannon({ ...common, url: listUrl, headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } });
    memory.phase('lists, uncompressed');
    const listPlain = await cannon({ ...common, url: listUrl, headers: { Cookie: cookie } });

    // The same bytes from a plain Node server: the floor the load generator sets for a body this size.
    const listBody = new Uint8Array(await (await fetch(listUrl, { headers: { Cookie: cookie } })).arrayBuffer());
    const brBody = await encodedBody(listUrl, cookie, 'br');
    const gzipBytes = (await encodedBody(listUrl, cookie, 'gzip')).length;
    const plain = await startPlainServer(brBody, port + 50);
    await cannon({ ...common, url: plain.url, duration: 3 });
    const floor = await cannon({ ...common, url: plain.url });
    plain.stop();

    console.log('POST creates');
    memory.phase('creates');
    // Bodies made beforehand, so the load generator spends its time sending, not describing.
    const bodies = Array.from({ length: 40_000 }, (_, i) => JSON.stringify(noteBody(1000 + i)));
    let n = 0;
    // Three runs: on a shared virtual machine one run can be off by a third either way; the middle one is reported.
    const creates: autocannon.Result[] = [];
    for (let run = 0; run < 3; run++) {
      creates.push(
        await cannon({
          connections: 10,
          duration: seconds,
          url: `${origin}/api/articles/${slug}/annotations`,
          method: 'POST',
          headers,
          requests: [{ setupRequest: (request) => ({ ...request, body: bodies[n++ % bodies.length] }) }],
        }),
      );
    }
    creates.sort((a, b) => a.requests.average - b.requests.average);
    const create = creates[1];
    const { peak, phases } = memory.stop();

    const anchor = browserRuns.map((r) => r.anchor);
    const row = (name: string, r: autocannon.Result) =>
      `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx + r.errors} |`;
    writeResultsSection(
      'bench:annotations',
      `## Annotations (\`npm run bench:annotations\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describeMachine(chromiumPath)}.
Production build (\`next start\`), SQLite file, ${browserRuns[0].count} shared notes on the article, autocannon 9 on the same machine, sending \`Accept-Encoding: gzip, deflate, br, zstd\` as browsers do (the list is also measured for gzip-only and plain clients).

Budgets: anchoring and drawing 1,000 annotations under 50 ms; GET p99 no more than 1.5× the bare session route; POST at least 300 creates/s on SQLite; server memory under 300 MB.

- Anchoring and painting ${browserRuns[0].count} annotations in Chromium (bilingual view, 5 page loads): median ${median(anchor).toFixed(1)} ms, max ${Math.max(...anchor).toFixed(1)} ms; indexing the page's text once: median ${median(browserRuns.map((r) => r.index)).toFixed(1)} ms.

| route (${seconds} s) | requests/s | p50 | p99 | non-2xx + errors |
|---|---|---|---|---|
${row('GET /api/session (bare, reads the session), 50 connections', bare)}
${row(`GET /api/articles/${slug}/annotations (${browserRuns[0].count} notes, brotli as browsers ask: ${Math.round(brBody.length / 1024)} KB), 50 connections`, list)}
${row(`the same list for a client that takes only gzip (${Math.round(gzipBytes / 1024)} KB), 50 connections`, listGzip)}
${row(`the same list uncompressed (no Accept-Encoding: ${Math.round(listBody.length / 1024)} KB), 50 connections`, listPlain)}
${row(`the same brotli bytes from a plain Node server (no Next, no session, no database), 50 connections`, floor)}
${row(`POST /api/articles/…/annotations, 10 connections (middle of 3 runs: ${creates.map((c) => Math.round(c.requests.average)).join(', ')} creates/s)`, create)}

GET p99 ratio to the bare route: ${(list.latency.p99 / bare.latency.p99).toFixed(2)}× (brotli, as browsers get it), ${(listGzip.latency.p99 / bare.latency.p99).toFixed(2)}× (gzip), ${(listPlain.latency.p99 / bare.latency.p99).toFixed(2)}× (uncompressed); the plain server's p99 for the brotli bytes is ${(floor.latency.p99 / bare.latency.p99).toFixed(2)}× the bare route's. Peak server memory (RSS of the server's process group): ${Math.round(peak)} MB; by phase: ${phases.map(([name, mb]) => `${name} ${Math.round(mb)} MB`).join(', ')}.`,
    );
    console.log('bench/RESULTS.md updated');
  } finally {
    memory.stop();
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
