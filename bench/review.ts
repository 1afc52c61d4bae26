/**
 * `npm run bench:review`: the review budgets, on a fresh SQLite database holding 2,000 shared notes
 * and 5,000 replies on the article.
 *  - the review page's server response (time to the whole HTML), 20 requests one after another,
 *  - interactive filtering in Chromium: typing a search, one key every 150 ms, measured by the
 *    browser itself (Event Timing: each key's input-to-next-paint; Long Animation Frames over 50 ms),
 *  - live fan-out: 200 connected readers (event streams), 10 new notes: when each reader got each note.
 * Writes its section of bench/RESULTS.md. Options: --no-build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { describeOffsets } from '../lib/anchoring/describe';
import { articleCanonicalText } from '../lib/content/article-canonical-text';
import type { ArticleLang } from '../lib/content/types';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { readEventStream } from '../scripts/test/event-stream';
import { signUp } from '../scripts/test/accounts';
import { describeMachine } from './lib/machine';
import { startNextServer } from './lib/next-server';
import { samplePeakRss } from './lib/process-memory';
import { median, percentile, writeResultsSection } from './lib/results';
import { raisedLimits } from '../scripts/test/raised-limits';

const args = new Set(process.argv.slice(2));
const port = Number(process.env.BENCH_PORT ?? 3301);
const slug = 'deepseek-capex';
const databaseFile = '.data/bench-review.db';
const env = { DATABASE_URL: `file:${databaseFile}`, BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-02', ...raisedLimits };
const counts = { notes: 2000, replies: 5000, readers: 200, liveNotes: 10 };
const texts = { zh: articleCanonicalText(slug, 'zh'), en: articleCanonicalText(slug, 'en') };

function noteBody(i: number): unknown {
  const lang: ArticleLang = i % 2 ? 'en' : 'zh';
  const { text } = texts[lang];
  const length = 4 + ((i * 7) % 30);
  let start = (i * 7919) % (text.length - length);
  while (/\s/.test(text[start])) start++;
  const description = describeOffsets(texts[lang], start, start + length);
  if (!description) return noteBody(i + 1);
  const kinds = ['highlight', 'comment', 'question', 'claim'];
  const verdicts = ['supported', 'disputed', 'false', 'unverified'];
  const kind = kinds[i % 4];
  return {
    lang,
    blockId: description.blockId,
    sentenceIds: description.sentenceIds,
    target: { selector: description.selectors },
    kind,
    ...(kind === 'claim' ? { verdict: verdicts[(i >> 2) % 4] } : {}),
    body: `Note ${i} about **capex** and [a source](https://example.com/${i}); reviewer ${i % 17}.`,
    tags: [`t${i % 7}`],
    visibility: 'shared',
  };
}

/** Runs `task` for 0..n-1, `width` at a time. */
async function pool(n: number, width: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function post(origin: string, cookie: string, path: string, body: unknown) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

async function serverResponse(origin: string) {
  const times: number[] = [];
  for (let i = 0; i < 22; i++) {
    const start = performance.now();
    const response = await fetch(`${origin}/en/articles/${slug}/review`);
    await response.text();
    if (i >= 2) times.push(performance.now() - start); // two warm-up requests
  }
  return times;
}

async function filtering(origin: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(/^https:\/\/inews\.gtimg\.com\//, (route) => route.abort());
  await page.addInitScript(() => {
    const w = window as unknown as { keyEvents: number[]; longFrames: number[] };
    w.keyEvents = [];
    w.longFrames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (['keydown', 'keyup', 'keypress', 'input'].includes(e.name)) w.keyEvents.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longFrames.push(e.duration);
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(`${origin}/en/articles/${slug}/review`);
  await page.locator('.review-matches', { hasText: /Showing \d+ of 2,?0\d\d/ }).waitFor({ timeout: 60_000 });
  const search = page.getByLabel('Search notes and quotes');
  await search.click();
  await page.evaluate(() => {
    const w = window as unknown as { keyEvents: number[]; longFrames: number[] };
    w.keyEvents = [];
    w.longFrames = [];
  });
  const query = 'capex reviewer 1';
  for (const char of query) {
    await page.keyboard.type(char);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const w = window as unknown as { keyEvents: number[]; longFrames: number[] };
    return { keyEvents: w.keyEvents, longFrames: w.longFrames, status: document.querySelector('.review-matches')?.textContent };
  });
  await browser.close();
  return { ...result, keys: query.length };
}

/** Connects `n` event-stream readers; resolves with, per new note id, the arrival time at each reader. */
async function liveReaders(origin: string, n: number) {
  const arrivals = new Map<string, number[]>();
  const controller = new AbortController();
  let ready = 0;
  const streams = Array.from({ length: n }, async () => {
    const response = await fetch(`${origin}/api/articles/${slug}/events`, { signal: controller.signal });
    await readEventStream(response, ({ event, data }) => {
      if (event === 'ready') ready++;
      if (event !== 'annotation') return;
      const id = JSON.parse(data).annotation.id as string;
      if (!arrivals.has(id)) arrivals.set(id, []);
      arrivals.get(id)!.push(performance.now());
    });
  });
  while (ready < n) await new Promise((resolve) => setTimeout(resolve, 50));
  return { arrivals, close: () => controller.abort(), streams };
}

async function main() {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
  const migrate = spawnSync('npm', ['run', 'db:migrate'], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (migrate.status !== 0) throw new Error('db:migrate failed');
  const server = await startNextServer({ port, build: !args.has('--no-build'), env });
  const stopSampling = samplePeakRss(server.pid);
  try {
    const origin = server.origin;
    const cookies = await Promise.all(['Ann', 'Ben', 'Cai', 'Dee'].map((name) => signUp(origin, name)));
    console.log(`seeding ${counts.notes} notes and ${counts.replies} replies`);
    const ids: string[] = [];
    await pool(counts.notes, 6, async (i) => {
      ids[i] = (await post(origin, cookies[i % 4], `/api/articles/${slug}/annotations`, noteBody(i))).id;
    });
    await pool(counts.replies, 6, async (i) => {
      const note = ids[(i * 7) % counts.notes];
      await post(origin, cookies[(i + 1) % 4], `/api/annotations/${note}/replies`, { body: `Reply ${i}: I *checked* this.` });
    });

    console.log('review page: server response');
    const response = await serverResponse(origin);
    console.log('review page: filtering in Chromium');
    const filter = await filtering(origin);

    console.log(`live: ${counts.readers} readers, ${counts.liveNotes} new notes`);
    const live = await liveReaders(origin, counts.readers);
    const delays: number[] = [];
    for (let i = 0; i < counts.liveNotes; i++) {
      const sent = performance.now();
      const { id } = await post(origin, cookies[0], `/api/articles/${slug}/annotations`, noteBody(50_000 + i));
      const deadline = Date.now() + 10_000;
      while ((live.arrivals.get(id)?.length ?? 0) < counts.readers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const got = live.arrivals.get(id) ?? [];
      delays.push(...got.map((t) => t - sent), ...Array(counts.readers - got.length).fill(Infinity));
    }
    live.close();
    const peak = stopSampling();

    const missed = delays.filter((d) => !Number.isFinite(d)).length;
    const keyMax = filter.keyEvents.length ? Math.max(...filter.keyEvents) : 0;
    const fmt = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'never');
    writeResultsSection(
      'bench:review',
      `## Review page and live updates (\`npm run bench:review\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describeMachine(chromiumPath)}.
Production build (\`next start\`), SQLite file, ${counts.notes} shared notes and ${counts.replies} replies on the article; load generator and Chromium on the same machine.

Budgets: review page server response under 300 ms; interactive filtering under 50 ms per keystroke; a new note reaches 200 connected readers within 2 s (p99).

- Review page (\`GET /en/articles/${slug}/review\`, whole HTML, 20 requests in a row): median ${fmt(median(response))}, p95 ${fmt(percentile(response, 95))}, max ${fmt(Math.max(...response))}.
- Filtering (typing "capex reviewer 1", ${filter.keys} keys, one every 150 ms, over all ${counts.notes} notes): keystrokes whose input-to-next-paint took 16 ms or more: ${filter.keyEvents.length} (slowest ${fmt(keyMax)}); animation frames over 50 ms while typing: ${filter.longFrames.length}${filter.longFrames.length ? ` (longest ${fmt(Math.max(...filter.longFrames))})` : ''}. Final list: "${filter.status}".
- Live fan-out (${counts.readers} event-stream readers, ${counts.liveNotes} notes posted one after another, ${delays.length} deliveries): p50 ${fmt(percentile(delays, 50))}, p99 ${fmt(percentile(delays, 99))}, max ${fmt(Math.max(...delays))}; missed: ${missed}.

Peak server memory (RSS of the server's process group): ${Math.round(peak)} MB.`,
    );
    console.log('bench/RESULTS.md updated');
  } finally {
    stopSampling();
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
