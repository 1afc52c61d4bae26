/**
 * `npm run bench:trace`: where a page's main-thread time goes on a slow phone (issue 19). Loads each
 * page with the CPU slowed 6× at 390 px, records a Chromium trace of the load (second load of two:
 * the first warms the caches), and prints, for the renderer's main thread from navigation to 4 s
 * after the load event, when the page marked itself hydrated (`page:hydrated`), the time in tasks, the time in each kind of work (script, React callbacks,
 * HTML parsing, style, layout, paint, GC; kinds nest, so they do not add up), and the longest style
 * and layout passes with what the engine said about them (a JavaScript stack when a script forced
 * them). Prints only; the figures belong in the decision record of the change they justify.
 * Options: --no-build, --path=/zh/about (repeatable as a comma-separated list).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { startNextServer } from './lib/next-server';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const slug = 'deepseek-capex';
const paths = (
  args.get('path') ?? `/zh/about,/zh/articles/${slug}?view=zh,/zh/articles/${slug}?view=en,/zh/articles/${slug}?view=bilingual`
).split(',');
const port = Number(process.env.BENCH_PORT ?? 3300) + 77;

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: Record<string, any> };

const kinds = [
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'v8.compile',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'MinorGC',
  'MajorGC',
];

/** The renderer main thread with the most events: the page's. */
function mainThread(events: TraceEvent[]): string {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

function summarise(pagePath: string, events: TraceEvent[], hydrated: number) {
  const main = mainThread(events);
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur);
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const tasks = mine.filter((e) => e.name === 'RunTask').reduce((sum, e) => sum + e.dur!, 0);
  const byKind = kinds
    .map((kind) => [kind, mine.filter((e) => e.name === kind).reduce((sum, e) => sum + e.dur!, 0)] as const)
    .filter(([, us]) => us > 0)
    .sort((a, b) => b[1] - a[1]);
  console.log(
    `\n${pagePath}: ${ms(tasks)} in main-thread tasks; hydrated ${hydrated < 0 ? 'never marked' : `at ${hydrated.toFixed(0)} ms`}`,
  );
  console.log(`  ${byKind.map(([kind, us]) => `${kind} ${ms(us)}`).join(', ')}`);
  const start = Math.min(...mine.map((e) => e.ts));
  const passes = mine.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree').sort((a, b) => b.dur! - a.dur!);
  for (const pass of passes.slice(0, 6)) {
    const data = pass.args?.beginData ?? {};
    const stack = ((data.stackTrace ?? []) as { functionName?: string; url?: string; lineNumber?: number }[])
      .slice(0, 3)
      .map((frame) => `${frame.functionName || '(anonymous)'} ${String(frame.url).split('/').pop()}:${frame.lineNumber}`)
      .join(' < ');
    const objects = data.totalObjects ? `, ${data.dirtyObjects}/${data.totalObjects} objects` : '';
    console.log(`  ${pass.name} ${ms(pass.dur!)} at ${ms(pass.ts - start)}${objects}${stack ? `, forced by ${stack}` : ''}`);
  }
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-trace-'));
  const databaseUrl = `file:${path.join(folder, 'reader.db')}`;
  const migrate = spawnSync('npm', ['run', '--silent', 'db:migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`db:migrate: ${migrate.stderr}`);
  const server = await startNextServer({ port, build: !args.has('no-build'), env: { DATABASE_URL: databaseUrl } });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    for (const pagePath of paths) {
      for (const load of ['warm', 'measured']) {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
        await page.addInitScript('window.__name = (f) => f;');
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
        await page.goto(server.origin + pagePath, { waitUntil: 'load' });
        await page.waitForTimeout(4000);
        const hydrated = await page.evaluate(() => performance.getEntriesByName('page:hydrated')[0]?.startTime ?? -1);
        const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
        await page.close();
        if (load === 'measured') summarise(pagePath, trace.traceEvents, hydrated);
      }
    }
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
