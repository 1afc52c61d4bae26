/**
 * Page loads with the CPU really slowed 6× (Chromium's CPU throttling), interleaved: the main
 * thread's blocking time of each page next to a reference page's, loaded in turn, round after round,
 * until the difference is known closely enough to judge against a budget.
 *
 * Why this judge: on a shared 2-core machine one load of a page spreads over ±50%, and Lighthouse's
 * mobile TBT (simulated from an unslowed trace) moves as much between runs. Loading the pages in
 * turn lets a slow minute hit every page alike; resampling the rounds says how far the difference of
 * the medians can be trusted (docs/decisions/010).
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/test/chromium';
import { keepNamesShim } from './page-javascript';
import { median, percentile } from './results';

export type SlowedLoad = {
  /**
   * Total Blocking Time as Lighthouse counts it: every task of the page's main thread from the first
   * contentful paint on (a task that straddles it clipped to it), each one's time over 50 ms.
   */
  total: number;
  /** The same over every task from the navigation's start, the first paint's included (what the split reports on). */
  fromNavigation: number;
  /** Of which in tasks that start before the page marks itself hydrated (loading the code included). */
  hydration: number;
  /** Of which in tasks that overlap the annotation layer's `annotations:*` measures. */
  annotations: number;
  other: number;
  /** Tasks over 50 ms after the first contentful paint. */
  count: number;
  /** Those tasks: when each starts (ms from the navigation's start) and its time over 50 ms. */
  longTasks: { start: number; blocking: number }[];
  /** Largest contentful paint, from the navigation's start. */
  lcp: number;
};

/**
 * Counts the long tasks, so that a load is over once 3 s pass without one, and records the largest
 * contentful paint. The Long Tasks API is not what is counted: it leaves out the tasks that only
 * style, lay out and paint (a long document's first frames), so the blocking time is read from a
 * trace of the main thread instead, as Lighthouse does (docs/decisions/010).
 */
const recorder = `
  window.__longTasks = 0;
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    window.__longTasks += list.getEntries().length;
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

type Recorded = { __longTasks: number; __lcp: number };

/** An event of a Chromium trace, as much of it as the benchmarks read. */
export type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: Record<string, any> };

/**
 * The page's top-level main-thread tasks and its first contentful paint, in ms from the start of its
 * navigation (the clock `performance` marks use), from a trace of the load.
 */
export function mainThreadTasks(events: TraceEvent[], url: string) {
  const origin = new URL(url).origin;
  const navigation = events
    .filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(origin))
    .at(-1);
  if (!navigation) throw new Error(`the trace holds no navigation to ${url}`);
  const onMainThread = (e: TraceEvent) => e.pid === navigation.pid && e.tid === navigation.tid;
  const at = (ts: number) => (ts - navigation.ts) / 1000;
  const paint = events.find(
    (e) => e.name === 'firstContentfulPaint' && onMainThread(e) && e.args?.data?.navigationId === navigation.args?.data?.navigationId,
  );
  if (!paint) throw new Error(`the trace holds no first contentful paint of ${url}`);
  const tasks: { start: number; end: number }[] = [];
  for (const e of events
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && onMainThread(e) && e.ts >= navigation.ts)
    .sort((a, b) => a.ts - b.ts)) {
    const task = { start: at(e.ts), end: at(e.ts + (e.dur ?? 0)) };
    // A task run inside another (a nested run loop) is part of it.
    if (tasks.length && task.start < tasks[tasks.length - 1].end) continue;
    tasks.push(task);
  }
  return { tasks, firstContentfulPaint: at(paint.ts) };
}

/**
 * Lighthouse's mobile network ("slow 4G") as Lighthouse itself applies it when it throttles for real
 * (its `devtools` method: 150 ms RTT × 3.75 latency, 1.6 Mbps × 0.9 down, 750 Kbps × 0.9 up).
 */
export const slow4g = { latency: 562.5, downloadThroughput: (1638.4 * 0.9 * 1024) / 8, uploadThroughput: (750 * 0.9 * 1024) / 8 };

/**
 * One load of `url` at 390 px with the CPU slowed 6× and the network slowed as Lighthouse's mobile
 * preset assumes, until 3 s pass without a long task (at most 30 s), in a browser of its own
 * (nothing cached, nothing warmed), traced.
 */
export async function slowedLoad(url: string): Promise<SlowedLoad> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.addInitScript(keepNamesShim);
    await page.addInitScript(recorder);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...slow4g });
    // The categories Lighthouse needs for its TBT: the tasks, the navigation, the paints.
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'loading'] });
    await page.goto(url, { waitUntil: 'load' });
    const started = Date.now();
    let seen = -1;
    let quietSince = Date.now();
    while (Date.now() - started < 30_000 && Date.now() - quietSince < 3000) {
      await page.waitForTimeout(250);
      const count = await page.evaluate(() => (window as unknown as Recorded).__longTasks);
      if (count !== seen) {
        seen = count;
        quietSince = Date.now();
      }
    }
    const { lcp, hydrated, measures } = await page.evaluate(() => ({
      lcp: (window as unknown as Recorded).__lcp,
      hydrated: performance.getEntriesByName('page:hydrated')[0]?.startTime ?? null,
      measures: performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('annotations:'))
        .map((m) => ({ start: m.startTime, end: m.startTime + m.duration })),
    }));
    const { tasks, firstContentfulPaint } = mainThreadTasks(
      JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[],
      page.url(),
    );
    const load: SlowedLoad = { total: 0, fromNavigation: 0, hydration: 0, annotations: 0, other: 0, count: 0, longTasks: [], lcp };
    for (const task of tasks) {
      load.fromNavigation += Math.max(0, task.end - task.start - 50);
      const start = Math.max(task.start, firstContentfulPaint);
      const blocking = task.end - start - 50;
      if (blocking <= 0) continue;
      load.total += blocking;
      load.count++;
      load.longTasks.push({ start, blocking });
      if (measures.some((m) => m.start < task.end && m.end > start)) load.annotations += blocking;
      else if (hydrated !== null && start < hydrated) load.hydration += blocking;
      else load.other += blocking;
    }
    return load;
  } finally {
    await browser.close();
  }
}

/** A small seeded generator, so that the same loads always give the same interval. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How the medians of a page and its reference compare (`compare`, a difference or a ratio) over
 * rounds loaded in turn, and the 90% interval of that comparison by resampling whole rounds (each
 * round keeps its page and its reference together).
 */
export function compareMedians(
  page: number[],
  reference: number[],
  compare: (page: number, reference: number) => number,
  resamples = 2000,
) {
  const rounds = page.length;
  const random = seededRandom(19);
  const resampled: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const picked = Array.from({ length: rounds }, () => Math.floor(random() * rounds));
    resampled.push(compare(median(picked.map((i) => page[i])), median(picked.map((i) => reference[i]))));
  }
  return { value: compare(median(page), median(reference)), low: percentile(resampled, 5), high: percentile(resampled, 95) };
}

export const difference = (page: number, reference: number) => page - reference;
export const ratio = (page: number, reference: number) => page / reference;

export type InterleavedResult = {
  rounds: number;
  loads: SlowedLoad[][]; // per page, one per round
};

/**
 * Loads every page once per round, starting each round at the next page so that no page always
 * follows another, until `settled` says the loads so far are enough (asked from `minRounds` on), or
 * `maxRounds` rounds.
 */
export async function interleavedLoads(
  urls: string[],
  {
    minRounds,
    maxRounds,
    settled,
    onRound,
  }: { minRounds: number; maxRounds: number; settled: (loads: SlowedLoad[][]) => boolean; onRound?: (round: number) => void },
): Promise<InterleavedResult> {
  const loads: SlowedLoad[][] = urls.map(() => []);
  let round = 0;
  while (round < maxRounds) {
    for (let k = 0; k < urls.length; k++) {
      const i = (round + k) % urls.length;
      loads[i].push(await slowedLoad(urls[i]));
    }
    round++;
    onRound?.(round);
    if (round >= minRounds && settled(loads)) break;
  }
  return { rounds: round, loads };
}
