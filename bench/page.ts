/**
 * `npm run bench:page`: what the article page costs a reader, next to a near-empty page of the same
 * build (/about), measured in one run:
 *  - JavaScript loaded (gzipped bytes of every script response during a real page load),
 *  - Lighthouse 12 performance score, LCP, CLS and TBT on the mobile and desktop presets (median of runs),
 *  - time to switch reading views in the browser.
 * Writes its section of bench/RESULTS.md. Options: --runs=N (Lighthouse runs per page, default 3),
 * --no-build (reuse .next).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { describeMachine } from './lib/machine';
import { startNextServer } from './lib/next-server';
import { median, writeResultsSection } from './lib/results';

const headlessFlags = ['--headless=new', ...chromiumArgs];
const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const runs = Number(args.get('runs') ?? 3);
const port = Number(process.env.BENCH_PORT ?? 3300);
const slug = 'deepseek-capex';

const pages = [
  { name: 'empty page (/zh/about)', path: '/zh/about' },
  { name: 'article, Chinese view', path: `/zh/articles/${slug}?view=zh` },
  { name: 'article, English view', path: `/zh/articles/${slug}?view=en` },
  { name: 'article, bilingual view', path: `/zh/articles/${slug}?view=bilingual` },
];

async function javascriptBytes(origin: string, path: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage();
  await page.addInitScript(keepNamesShim);
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => zlib.gzipSync(body).length));
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  const sizes = await Promise.all(scripts);
  // The RSC payload rides in inline scripts: report it apart from the code.
  const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
  await browser.close();
  return { files: sizes.length, gzip: sizes.reduce((a, b) => a + b, 0), inlineGzip: zlib.gzipSync(inline).length };
}

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
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}`);
  const { categories, audits } = JSON.parse(fs.readFileSync(output, 'utf8'));
  fs.rmSync(output);
  return {
    score: categories.performance.score ?? 0,
    lcp: audits['largest-contentful-paint'].numericValue,
    cls: audits['cumulative-layout-shift'].numericValue,
    tbt: audits['total-blocking-time'].numericValue,
  };
}

async function lighthouseRuns(origin: string, pagePath: string, preset: 'mobile' | 'desktop'): Promise<LighthouseFigures> {
  const results = Array.from({ length: runs }, () => lighthouseOnce(origin + pagePath, preset));
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

// tsx keeps function names with a `__name` helper that does not exist inside the page.
const keepNamesShim = 'window.__name = (f) => f;';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const server = await startNextServer({ port, build: !args.has('no-build') });
  try {
    const rows: string[] = [];
    let emptyJs = 0;
    const mobile: LighthouseFigures[] = [];
    for (const [i, page] of pages.entries()) {
      console.log(`measuring ${page.name}`);
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
    console.log('measuring view switching');
    const switching = await viewSwitching(server.origin);

    writeResultsSection(
      'bench:page',
      `## Article page (\`npm run bench:page\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describeMachine(chromiumPath)}.
Production build (\`next start\`), Lighthouse 12.2.3, median of ${runs} runs per preset (CLS: worst run). The remote images cannot load on this machine.

Budgets: article JS ≤ 1.3× the empty page; mobile score within 0.03 of the empty page; desktop 1.00; CLS 0.00; view switch under 16 ms.

| page | JavaScript (gzip) | inline RSC payload (gzip) | mobile score (vs empty) | mobile LCP | mobile CLS | mobile TBT | desktop score | desktop LCP | desktop CLS | desktop TBT |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

View switching (Chinese → English → bilingual, 30 switches at 1280×900, scrolled into the article; click handler + style + layout):
median ${switching.median.toFixed(1)} ms, max ${switching.max.toFixed(1)} ms; real clicks reported by Event Timing at 16 ms or more: ${switching.slowClicks} of 12.`,
    );
    console.log('bench/RESULTS.md updated');
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
