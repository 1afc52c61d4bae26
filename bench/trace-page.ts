/**
 * `npm run bench:trace`: where a page's main-thread time goes on a slow phone (issue 19). Loads each
 * page at 390 px in the judge's conditions (bench/lib/slowed-loads.ts: a fresh browser, the CPU
 * slowed 6×, Lighthouse's slow 4G), records a Chromium trace of the load, and prints, for the
 * renderer's main thread from navigation to 4 s after the load event: when the page marked itself
 * hydrated (`page:hydrated`), the time in tasks, the time in each kind of work (script, React
 * callbacks, HTML parsing, style, layout, paint, GC; kinds nest, so they do not add up), the longest
 * style and layout passes with what the engine said about them (a JavaScript stack when a script
 * forced them), the script time before hydration by file, and every long task with what filled it.
 * Prints only; the figures belong in the decision record of the change they justify.
 * Options: --no-build, --path=/zh/about (repeatable as a comma-separated list).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { startNextServer } from './lib/next-server';
import { benchArgs } from './lib/args';
import { slow4g, type TraceEvent } from './lib/slowed-loads';

const args = benchArgs();
const slug = 'deepseek-capex';
const paths = (
  args.get('path') ?? `/zh/about,/zh/articles/${slug}?view=zh,/zh/articles/${slug}?view=en,/zh/articles/${slug}?view=bilingual`
).split(',');
const port = Number(process.env.BENCH_PORT ?? 3300) + 77;

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

/** The renderer main thread that parsed the page's HTML (other renderers, such as the browser's own pages, are traced too). */
function mainThread(events: TraceEvent[], url: string): string {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const parser = events.find(
    (e) => e.name === 'ParseHTML' && mains.has(`${e.pid}:${e.tid}`) && String(e.args?.beginData?.url).startsWith(url),
  );
  if (!parser) throw new Error(`no renderer parsed ${url}`);
  return `${parser.pid}:${parser.tid}`;
}

function summarise(pagePath: string, url: string, events: TraceEvent[], hydrated: number) {
  const main = mainThread(events, url);
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
  // Script time before the page marked itself hydrated, by file: which code the wait is spent in.
  const navigation = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main)?.ts ?? start;
  const beforeHydrated = hydrated < 0 ? Infinity : navigation + hydrated * 1000;
  const byFile = new Map<string, number>();
  for (const e of mine) {
    if (e.ts > beforeHydrated || (e.name !== 'EvaluateScript' && e.name !== 'FunctionCall' && e.name !== 'v8.compile')) continue;
    const data = e.args?.data ?? e.args?.beginData ?? {};
    const file =
      String(data.url ?? data.scriptName ?? e.args?.fileName ?? '(unknown)')
        .split('/')
        .pop() || '(inline)';
    byFile.set(`${e.name} ${file}`, (byFile.get(`${e.name} ${file}`) ?? 0) + e.dur!);
  }
  const files = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`  before hydrated: ${files.map(([name, us]) => `${name} ${ms(us)}`).join('; ')}`);
  // Each long task (over 50 ms, slowed), with what filled it: the work the next change should split or remove.
  const longTasks = mine.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
  for (const task of longTasks) {
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.dur! > 5_000);
    const parts = inside
      .filter((e) => kinds.includes(e.name) || e.name === 'TimerFire' || e.name === 'FireIdleCallback' || e.name === 'EventDispatch')
      .map((e) => {
        const data = e.args?.data ?? {};
        const what = data.functionName || data.url?.split('/').pop() || data.type || '';
        return `${e.name}${what ? ` ${what}` : ''} ${ms(e.dur!)}`;
      });
    const when = (task.ts - navigation) / 1000;
    console.log(
      `  long task ${ms(task.dur!)} at ${when.toFixed(0)} ms${hydrated >= 0 && when > hydrated ? ' (after hydrated)' : ''}: ${parts.slice(0, 8).join(', ')}`,
    );
  }
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
  try {
    for (const pagePath of paths) {
      // The judge's conditions (bench/lib/slowed-loads.ts): a browser of its own, nothing cached, the
      // CPU slowed 6× and the network slowed to Lighthouse's slow 4G.
      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      try {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
        await page.addInitScript('window.__name = (f) => f;');
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...slow4g });
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
        await page.goto(server.origin + pagePath, { waitUntil: 'load' });
        await page.waitForTimeout(4000);
        const hydrated = await page.evaluate(() => performance.getEntriesByName('page:hydrated')[0]?.startTime ?? -1);
        const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
        summarise(pagePath, server.origin + pagePath, trace.traceEvents, hydrated);
      } finally {
        await browser.close();
      }
    }
  } finally {
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
