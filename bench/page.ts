/**
 * `npm run bench:page`: what the article page costs a reader, next to a near-empty page of the same
 * build (/about), measured in one run:
 *  - JavaScript loaded (gzipped bytes of every script response during a real page load),
 *  - Lighthouse 12 performance score, LCP, CLS and TBT on the mobile and desktop presets (median of runs),
 *  - time to switch reading views in the browser,
 *  - with the CPU slowed 6× (Chromium's CPU throttling, as Lighthouse's mobile preset does 4×): the main
 *    thread's long tasks from navigation until it is quiet, by cause: before the page says it is
 *    hydrated (`page:hydrated`, components/site/hydration-mark.tsx: loading the code and hydrating), during the annotation layer's own
 *    measures (`annotations:*`), and the rest; so that the next regression names its cause.
 * A Lighthouse run that fails for reasons of its own (it sometimes dies with NO_NAVSTART) is tried
 * again, up to 3 times; the retries are reported.
 * Writes its section of bench/RESULTS.md. Options: --runs=N (Lighthouse runs per page, default 3),
 * --no-build (reuse .next), --quick (the slowed loads and the mobile preset only, printed).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { describeMachine } from './lib/machine';
import { startNextServer } from './lib/next-server';
import { javascriptBytes, keepNamesShim } from './lib/page-javascript';
import { median, writeResultsSection } from './lib/results';
import { benchArgs } from './lib/args';

const headlessFlags = ['--headless=new', ...chromiumArgs];
const args = benchArgs();
const runs = Number(args.get('runs') ?? 3);
// --quick: the slowed loads and the mobile preset only, printed, not written: for trying a change.
const quick = args.has('quick');
const port = Number(process.env.BENCH_PORT ?? 3300);
const slug = 'deepseek-capex';

const pages = [
  { name: 'empty page (/zh/about)', path: '/zh/about' },
  { name: 'article, Chinese view', path: `/zh/articles/${slug}?view=zh` },
  { name: 'article, English view', path: `/zh/articles/${slug}?view=en` },
  { name: 'article, bilingual view', path: `/zh/articles/${slug}?view=bilingual` },
];

type LighthouseFigures = { score: number; lcp: number; cls: number; tbt: number };

// Lighthouse runs as its own CLI process: under tsx its in-page scripts would be rewritten and break.
function lighthouseOnce(url: string, preset: 'mobile' | 'desktop'): LighthouseFigures {
  const output = path.join(os.tmpdir(), `lighthouse-${process.pid}.json`);
  const result = spawnSync(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--only-categories=performance',
      '--output=json',
      `--output-path=${output}`,
      `--chrome-flags=${headlessFlags.join(' ')}`,
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) throw new LighthouseFailure(`lighthouse failed on ${url} (${preset}), exit status ${result.status}`);
  const { categories, audits } = JSON.parse(fs.readFileSync(output, 'utf8'));
  fs.rmSync(output);
  return {
    score: categories.performance.score ?? 0,
    lcp: audits['largest-contentful-paint'].numericValue,
    cls: audits['cumulative-layout-shift'].numericValue,
    tbt: audits['total-blocking-time'].numericValue,
  };
}

class LighthouseFailure extends Error {}
const retried: string[] = [];

/** One Lighthouse run, tried again up to twice when Lighthouse itself fails. */
function lighthouseTried(url: string, preset: 'mobile' | 'desktop'): LighthouseFigures {
  for (let attempt = 1; ; attempt++) {
    try {
      return lighthouseOnce(url, preset);
    } catch (error) {
      if (!(error instanceof LighthouseFailure) || attempt === 3) throw error;
      retried.push(error.message);
      console.warn(`${error.message}; trying again`);
    }
  }
}

async function lighthouseRuns(origin: string, pagePath: string, preset: 'mobile' | 'desktop'): Promise<LighthouseFigures> {
  const results = Array.from({ length: runs }, () => lighthouseTried(origin + pagePath, preset));
  return {
    score: median(results.map((r) => r.score)),
    lcp: median(results.map((r) => r.lcp)),
    cls: Math.max(...results.map((r) => r.cls)),
    tbt: median(results.map((r) => r.tbt)),
  };
}

/** Switches views 30 times: script + style + layout time of each switch, and slow interactions seen by Event Timing. */
async function viewSwitching(origin: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(keepNamesShim);
  await page.goto(`${origin}/zh/articles/${slug}?view=zh`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.reader[data-enhanced]');
  await page.evaluate(() => window.scrollTo(0, 3000));
  const timings = await page.evaluate(async () => {
    const slow: number[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => slow.push(e.duration))).observe({
      type: 'event',
      durationThreshold: 16,
    } as PerformanceObserverInit);
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.mode-control a')];
    const durations: number[] = [];
    for (let i = 0; i < 30; i++) {
      const link = links[(i + 1) % links.length];
      const start = performance.now();
      link.click();
      document.body.getBoundingClientRect(); // force style and layout of the new view
      durations.push(performance.now() - start);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    }
    return { durations, slow };
  });
  // Real clicks through the input pipeline, for Event Timing (reports interactions of 16 ms or more).
  const links = page.locator('.mode-control a');
  for (let i = 0; i < 12; i++) await links.nth(i % 3).click();
  await page.waitForTimeout(500);
  const slowClicks = await page.evaluate(() => performance.getEntriesByType('event').filter((e) => e.duration >= 16).length);
  await browser.close();
  return { median: median(timings.durations), max: Math.max(...timings.durations), slowClicks };
}

type LongTasks = { hydration: number; annotations: number; other: number; count: number };

/** Records every long task (and the app's marks and measures) from the start of the navigation. */
const longTaskRecorder = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * The page loaded with the CPU slowed 6×, until 3 s pass without a long task (at most 30 s): the
 * long tasks' time over 50 ms each (what Total Blocking Time adds up), by cause. A task that
 * overlaps an `annotations:*` measure is the annotation layer's; one that starts before the
 * `page:hydrated` mark is loading and hydration; the rest is other work.
 */
async function throttledLongTasks(origin: string, pagePath: string): Promise<LongTasks> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.addInitScript(keepNamesShim);
    await page.addInitScript(longTaskRecorder);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.goto(origin + pagePath, { waitUntil: 'load' });
    const started = Date.now();
    let seen = -1;
    let quietSince = Date.now();
    while (Date.now() - started < 30_000 && Date.now() - quietSince < 3000) {
      await page.waitForTimeout(250);
      const count = await page.evaluate(() => (window as unknown as { __longTasks: unknown[] }).__longTasks.length);
      if (count !== seen) {
        seen = count;
        quietSince = Date.now();
      }
    }
    const { tasks, hydrated, measures } = await page.evaluate(() => ({
      tasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
      hydrated: performance.getEntriesByName('page:hydrated')[0]?.startTime ?? null,
      measures: performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('annotations:'))
        .map((m) => ({ start: m.startTime, end: m.startTime + m.duration })),
    }));
    const result: LongTasks = { hydration: 0, annotations: 0, other: 0, count: tasks.length };
    for (const task of tasks) {
      const blocking = Math.max(0, task.duration - 50);
      const end = task.start + task.duration;
      if (measures.some((m) => m.start < end && m.end > task.start)) result.annotations += blocking;
      else if (hydrated !== null && task.start < hydrated) result.hydration += blocking;
      else result.other += blocking;
    }
    return result;
  } finally {
    await browser.close();
  }
}

async function throttledRuns(origin: string, pagePath: string): Promise<LongTasks> {
  const results: LongTasks[] = [];
  for (let i = 0; i < runs; i++) results.push(await throttledLongTasks(origin, pagePath));
  const pick = (key: keyof LongTasks) => median(results.map((r) => r[key]));
  return { hydration: pick('hydration'), annotations: pick('annotations'), other: pick('other'), count: pick('count') };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Runs an npm script on the benchmark's database. */
function npmScript(databaseUrl: string, ...script: string[]) {
  const run = spawnSync('npm', ['run', '--silent', ...script], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${script.join(' ')}: ${run.stderr}`);
}

const notesLater = 1_000;

async function main() {
  // A database of its own, migrated, with no notes; later with 1,000 shared notes on the article.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-page-'));
  const databaseUrl = `file:${path.join(folder, 'reader.db')}`;
  npmScript(databaseUrl, 'db:migrate');
  const server = await startNextServer({ port, build: !args.has('no-build'), env: { DATABASE_URL: databaseUrl } });
  try {
    const rows: string[] = [];
    let emptyJs = 0;
    const mobile: LighthouseFigures[] = [];
    const throttled: string[] = [];
    for (const [i, page] of pages.entries()) {
      console.log(`measuring ${page.name}`);
      const slow = await throttledRuns(server.origin, page.path);
      const total = slow.hydration + slow.annotations + slow.other;
      throttled.push(
        `| ${page.name} | ${Math.round(total)} ms | ${Math.round(slow.hydration)} ms | ${Math.round(slow.annotations)} ms | ${Math.round(slow.other)} ms | ${slow.count} |`,
      );
      if (quick) {
        const m = await lighthouseRuns(server.origin, page.path, 'mobile');
        console.log(`${throttled.at(-1)} mobile: score ${m.score.toFixed(2)}, TBT ${Math.round(m.tbt)} ms, LCP ${Math.round(m.lcp)} ms`);
        continue;
      }
      const js = await javascriptBytes(server.origin, page.path);
      if (i === 0) emptyJs = js.gzip;
      const m = await lighthouseRuns(server.origin, page.path, 'mobile');
      const d = await lighthouseRuns(server.origin, page.path, 'desktop');
      mobile.push(m);
      rows.push(
        `| ${page.name} | ${kb(js.gzip)} in ${js.files} files (${(js.gzip / emptyJs).toFixed(2)}×) | ${kb(js.inlineGzip)} | ` +
          `${m.score.toFixed(2)} (${m.score - mobile[0].score >= 0 ? '+' : ''}${(m.score - mobile[0].score).toFixed(2)}) | ${Math.round(m.lcp)} ms | ${m.cls.toFixed(3)} | ${Math.round(m.tbt)} ms | ` +
          `${d.score.toFixed(2)} | ${Math.round(d.lcp)} ms | ${d.cls.toFixed(3)} | ${Math.round(d.tbt)} ms |`,
      );
    }
    if (quick) return;
    console.log('measuring view switching');
    const switching = await viewSwitching(server.origin);

    // The same article views with 1,000 shared notes on the article: the mobile preset and the slowed CPU.
    npmScript(databaseUrl, 'db:seed:many', '--', `--notes=${notesLater}`);
    const withNotes: string[] = [];
    for (const page of pages.slice(1)) {
      const name = `${page.name}, ${notesLater.toLocaleString('en')} notes`;
      console.log(`measuring ${name}`);
      const slow = await throttledRuns(server.origin, page.path);
      const total = slow.hydration + slow.annotations + slow.other;
      throttled.push(
        `| ${name} | ${Math.round(total)} ms | ${Math.round(slow.hydration)} ms | ${Math.round(slow.annotations)} ms | ${Math.round(slow.other)} ms | ${slow.count} |`,
      );
      const m = await lighthouseRuns(server.origin, page.path, 'mobile');
      withNotes.push(
        `| ${name} | ${m.score.toFixed(2)} (${m.score - mobile[0].score >= 0 ? '+' : ''}${(m.score - mobile[0].score).toFixed(2)}) | ${Math.round(m.lcp)} ms (${(m.lcp / mobile[0].lcp).toFixed(2)}×) | ${m.cls.toFixed(3)} | ${Math.round(m.tbt)} ms (${m.tbt - mobile[0].tbt >= 0 ? '+' : ''}${Math.round(m.tbt - mobile[0].tbt)} ms) |`,
      );
    }

    writeResultsSection(
      'bench:page',
      `## Article page (\`npm run bench:page\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describeMachine(chromiumPath)}.
Production build (\`next start\`), Lighthouse 12.2.3, median of ${runs} runs per preset (CLS: worst run). The remote images cannot load on this machine.

Budgets (issue 19): article JS ≤ 1.3× the empty page; mobile TBT ≤ the empty page's + 100 ms, score within 0.03, LCP ≤ 1.2× the empty page's, with no notes and with 1,000; desktop 1.00; CLS 0.00; view switch under 16 ms.

| page | JavaScript (gzip) | inline RSC payload (gzip) | mobile score (vs empty) | mobile LCP | mobile CLS | mobile TBT | desktop score | desktop LCP | desktop CLS | desktop TBT |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

With ${notesLater.toLocaleString('en')} shared notes on the article (\`db:seed:many\`), mobile preset, against the empty page above:

| page | mobile score (vs empty) | mobile LCP (÷ empty) | mobile CLS | mobile TBT (− empty) |
|---|---|---|---|---|
${withNotes.join('\n')}

${retried.length ? `Lighthouse runs tried again after Lighthouse failed: ${retried.length} (${retried.join('; ')}).` : 'Every Lighthouse run succeeded the first time.'}

With the CPU slowed 6× (Chromium's CPU throttling; 390 px phone viewport), from navigation until 3 s pass without a long task, median of ${runs} loads: the long tasks' time over 50 ms each (what TBT adds up), by cause. Hydration: tasks that start before the page marks itself hydrated (\`page:hydrated\`), loading the code included; annotation layer: tasks that overlap its \`annotations:*\` measures.

| page | blocking time | hydration | annotation layer | other | long tasks |
|---|---|---|---|---|---|
${throttled.join('\n')}

View switching (Chinese → English → bilingual, 30 switches at 1280×900, scrolled into the article; click handler + style + layout):
median ${switching.median.toFixed(1)} ms, max ${switching.max.toFixed(1)} ms; real clicks reported by Event Timing at 16 ms or more: ${switching.slowClicks} of 12.`,
    );
    console.log('bench/RESULTS.md updated');
  } finally {
    server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
