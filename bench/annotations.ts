/**
 * `npm run bench:annotations`: what a reader and a writer pay as an article gathers notes (issue 12),
 * for N = 100, 10,000 and 100,000 shared notes (`--notes=` a comma-separated list), on SQLite and on
 * PostgreSQL (127.0.0.1:5432, a throwaway database; `--only=sqlite|postgresql`), side by side in one run.
 * For each: a new database with N notes (`db:seed:many`; from 10,000 on, 5,000 of them on one sentence)
 * and a reader with 40 notes of their own, one `next start`, then
 *  - the reader's first view in Chromium, 3 times: the annotation data received (encoded bytes of
 *    every /api/ answer), the time until the first notes or marks are painted, and the long tasks of
 *    the load with the annotation data and without it (its API requests refused): their difference is
 *    what the notes cost the main thread;
 *  - the busiest sentence's first page of 20 notes, 30 times;
 *  - the review page's search (words of one and two Chinese characters, English words, filters), 135 times;
 *  - 300 creates, 300 edits and 300 replies, one after another (p99: the third slowest).
 * Writes bench/RESULTS.md. Options: --no-build, --notes=100,10000,100000, --only=sqlite|postgresql.
 */
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { signUp } from '../scripts/test/accounts';
import { raisedLimits } from '../scripts/test/raised-limits';
import { hotSentence } from '../lib/seed/hot-sentence';
import { describeMachine } from './lib/machine';
import { noteBody } from './lib/note-body';
import { buildUnlessSkipped, onSeededServer } from './lib/seeded-server';
import { median, timed, writeResultsSection } from './lib/results';
import { benchArgs } from './lib/args';

const args = benchArgs();
const sizes = (args.get('notes') ?? '100,10000,100000').split(',').map(Number);
const databases = (args.get('only') ? [args.get('only')] : ['sqlite', 'postgresql']) as ('sqlite' | 'postgresql')[];
const port = Number(process.env.BENCH_PORT ?? 3300);
const slug = 'deepseek-capex';
const env = { BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-01', LOG_REQUESTS: '0', WARM_UP: '0', ...raisedLimits };

type View = { bytes: number; firstPaintMs: number; longTasksMs: number };
type Row = {
  database: string;
  notes: number;
  view: { bytes: number; firstPaintMs: number; longTasksOnMs: number; longTasksOffMs: number };
  sentence: { notes: number; p50: number; p99: number };
  search: { p50: number; p99: number; slowest: string };
  writes: Record<'create' | 'edit' | 'reply', { p50: number; p99: number }>;
};

/** Where the layer gets its data: refused for the "without" runs, so the page does everything but the notes. */
const annotationData = /\/api\/(articles\/[^/]+\/(summary|annotations|sentences|events)|auth\/get-session)/;

/** One first view of the article as the reader (cookie), with or without its annotation data. */
async function firstView(browser: Browser, origin: string, cookie: string, withNotes: boolean): Promise<View> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = cookie.split('; ')[0].split('=');
  await context.addCookies([{ name, value, url: origin }]);
  const page = await context.newPage();
  await page.route(/^https:\/\/inews\.gtimg\.com\//, (route) => route.abort()); // the remote images cannot load here
  if (!withNotes) await page.route(annotationData, (route) => route.abort());
  let bytes = 0;
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/')) return;
    const measured = await request.sizes().catch(() => undefined);
    if (measured) bytes += measured.responseBodySize + measured.responseHeadersSize;
  });
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(`${origin}/zh/articles/${slug}?view=bilingual`);
  if (withNotes)
    await page.waitForFunction(() => performance.getEntriesByName('annotations:first-paint').length > 0, undefined, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const measured = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('annotations:first-paint')[0]?.startTime ?? NaN,
    // Blocking time: what each long task held the main thread beyond 50 ms.
    blocking: (window as unknown as { __longTasks: number[] }).__longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
  }));
  await context.close();
  return { bytes, firstPaintMs: measured.firstPaint, longTasksMs: measured.blocking };
}

async function send(origin: string, cookie: string, method: string, pathname: string, body: unknown) {
  const response = await fetch(`${origin}${pathname}`, {
    method,
    headers: { cookie, Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string; version: number }>;
}

async function measure(database: 'sqlite' | 'postgresql', notes: number, browser: Browser): Promise<Row> {
  const hot = notes >= 10_000 ? 5_000 : 0;
  return onSeededServer(
    { database, seedArgs: [`--notes=${notes}`, `--replies=${Math.round(notes / 10)}`, `--hot=${hot}`], port, env },
    async (origin) => {
      const reader = await signUp(origin, 'Reader');
      for (let i = 0; i < 40; i++)
        await send(origin, reader, 'POST', `/api/articles/${slug}/annotations`, {
          ...noteBody(i),
          visibility: i % 2 ? 'private' : 'shared',
        });

      const on: View[] = [];
      const off: View[] = [];
      await firstView(browser, origin, reader, true); // the first visit compiles and warms the routes
      for (let i = 0; i < 3; i++) {
        on.push(await firstView(browser, origin, reader, true));
        off.push(await firstView(browser, origin, reader, false));
      }

      const busiest = hot ? hotSentence : 'p03-s1';
      const sentenceNotes =
        ((await (await fetch(`${origin}/api/articles/${slug}/summary`)).json()) as { sentences: Record<string, { notes: number }> })
          .sentences[busiest]?.notes ?? 0;
      const sentence = await timed(30, async () => {
        const response = await fetch(`${origin}/api/articles/${slug}/sentences/${busiest}/annotations`, {
          headers: { 'Accept-Encoding': 'gzip' },
        });
        await response.arrayBuffer();
      });

      // The review page's searches: words of one and two Chinese characters, an English word, filters,
      // together, and a word no note has (the slowest kind: every note's search text is read).
      const queries = [
        'q=亿',
        'q=算力',
        'q=nvidia',
        'q=seeded%20reader%202',
        'kind=claim&verdict=false',
        'tag=t3&lang=en',
        'section=3&order=newest',
        'q=英伟达&kind=claim',
        'q=capex&order=newest',
        'q=xyzzy',
      ];
      const perQuery = new Map<string, number>();
      const search = await timed(queries.length * 15, async (i) => {
        const query = queries[i % queries.length];
        const started = performance.now();
        const response = await fetch(`${origin}/api/articles/${slug}/annotations?${query}&limit=30`, {
          headers: { 'Accept-Encoding': 'gzip' },
        });
        await response.arrayBuffer();
        perQuery.set(query, Math.max(perQuery.get(query) ?? 0, performance.now() - started));
      });
      const slowest = [...perQuery].sort((a, b) => b[1] - a[1])[0][0];

      const writer = await signUp(origin, 'Writer');
      const created: { id: string; version: number }[] = [];
      const create = await timed(300, async (i) => {
        created.push(
          await send(origin, writer, 'POST', `/api/articles/${slug}/annotations`, { ...noteBody(i + 500), visibility: 'shared' }),
        );
      });
      const edit = await timed(300, async (i) => {
        await send(origin, writer, 'PATCH', `/api/annotations/${created[i].id}`, { body: `edited ${i}`, version: created[i].version });
      });
      const reply = await timed(300, async (i) => {
        await send(origin, reader, 'POST', `/api/annotations/${created[i].id}/replies`, { body: `reply ${i}` });
      });
      return {
        database,
        notes,
        view: {
          bytes: median(on.map((v) => v.bytes)),
          firstPaintMs: median(on.map((v) => v.firstPaintMs)),
          longTasksOnMs: median(on.map((v) => v.longTasksMs)),
          longTasksOffMs: median(off.map((v) => v.longTasksMs)),
        },
        sentence: { notes: sentenceNotes, ...sentence },
        search: { ...search, slowest },
        writes: { create, edit, reply },
      };
    },
  );
}

async function main() {
  buildUnlessSkipped(args);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const rows: Row[] = [];
  try {
    for (const database of databases)
      for (const notes of sizes) {
        console.log(`${database}, ${notes} notes…`);
        rows.push(await measure(database, notes, browser));
        console.log(JSON.stringify(rows.at(-1)));
      }
  } finally {
    await browser.close();
  }
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  const kb = (value: number) => `${(value / 1024).toFixed(0)} KB`;
  const baseline = (row: Row) => rows.find((r) => r.database === row.database && r.notes === Math.min(...sizes))!;
  const lines = rows.map((row) => {
    const base = baseline(row);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    return [
      row.database,
      row.notes.toLocaleString('en'),
      kb(row.view.bytes),
      `${ms(row.view.firstPaintMs)} (${ratio(row.view.firstPaintMs, base.view.firstPaintMs)})`,
      `${ms(row.view.longTasksOnMs - row.view.longTasksOffMs)} (${ms(row.view.longTasksOnMs)} − ${ms(row.view.longTasksOffMs)})`,
      `${ms(row.sentence.p50)} / ${ms(row.sentence.p99)} (${row.sentence.notes.toLocaleString('en')} notes)`,
      `${ms(row.search.p50)} / ${ms(row.search.p99)} (slowest: \`${row.search.slowest}\`)`,
      ...(['create', 'edit', 'reply'] as const).map(
        (kind) => `${ms(row.writes[kind].p99)} (${ratio(row.writes[kind].p99, base.writes[kind].p99)})`,
      ),
    ].join(' | ');
  });
  const markdown = [
    '## bench:annotations (issue 12)',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${describeMachine(chromiumPath)}. One \`next start\` per row on a new database; a reader with 40 notes of their own (half private) opens the article, bilingual view, 1280 px; medians of 3 views. From 10,000 notes on, 5,000 are on one sentence (${hotSentence}). Ratios against the ${Math.min(...sizes).toLocaleString('en')}-note row of the same database.`,
    '',
    '| database | shared notes | annotation data, first view (≤ 200 KB) | first notes or marks painted (≤ 1.5×) | blocking time from the notes, with − without their data (≤ 100 ms) | busiest sentence, first 20: p50 / p99 (< 200 ms) | review search, first 30: p50 / p99 (≤ 150 ms) | create p99 (≤ 1.3×) | edit p99 | reply p99 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...lines.map((line) => `| ${line} |`),
  ].join('\n');
  console.log(markdown);
  writeResultsSection('bench:annotations', markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
