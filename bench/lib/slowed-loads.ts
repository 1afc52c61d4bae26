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
  /** The long tasks' time over 50 ms each (what Total Blocking Time adds up). */
  total: number;
  /** Of which in tasks that start before the page marks itself hydrated (loading the code included). */
  hydration: number;
  /** Of which in tasks that overlap the annotation layer's `annotations:*` measures. */
  annotations: number;
  other: number;
  count: number;
  /** Largest contentful paint, from the navigation's start. */
  lcp: number;
};

/** Records every long task and the largest contentful paint from the start of the navigation. */
const recorder = `
  window.__longTasks = [];
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

type Recorded = { __longTasks: { start: number; duration: number }[]; __lcp: number };

/**
 * Lighthouse's mobile network ("slow 4G") as Lighthouse itself applies it when it throttles for real
 * (its `devtools` method: 150 ms RTT × 3.75 latency, 1.6 Mbps × 0.9 down, 750 Kbps × 0.9 up).
 */
const slow4g = { latency: 562.5, downloadThroughput: (1638.4 * 0.9 * 1024) / 8, uploadThroughput: (750 * 0.9 * 1024) / 8 };

/**
 * One load of `url` at 390 px with the CPU slowed 6× and the network slowed as Lighthouse's mobile
 * preset assumes, until 3 s pass without a long task (at most
 * 30 s), in a browser of its own (nothing cached, nothing warmed).
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
    await page.goto(url, { waitUntil: 'load' });
    const started = Date.now();
    let seen = -1;
    let quietSince = Date.now();
    while (Date.now() - started < 30_000 && Date.now() - quietSince < 3000) {
      await page.waitForTimeout(250);
      const count = await page.evaluate(() => (window as unknown as Recorded).__longTasks.length);
      if (count !== seen) {
        seen = count;
        quietSince = Date.now();
      }
    }
    const { tasks, lcp, hydrated, measures } = await page.evaluate(() => ({
      tasks: (window as unknown as Recorded).__longTasks,
      lcp: (window as unknown as Recorded).__lcp,
      hydrated: performance.getEntriesByName('page:hydrated')[0]?.startTime ?? null,
      measures: performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('annotations:'))
        .map((m) => ({ start: m.startTime, end: m.startTime + m.duration })),
    }));
    const load: SlowedLoad = { total: 0, hydration: 0, annotations: 0, other: 0, count: tasks.length, lcp };
    for (const task of tasks) {
      const blocking = Math.max(0, task.duration - 50);
      const end = task.start + task.duration;
      load.total += blocking;
      if (measures.some((m) => m.start < end && m.end > task.start)) load.annotations += blocking;
      else if (hydrated !== null && task.start < hydrated) load.hydration += blocking;
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
