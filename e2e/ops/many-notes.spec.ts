// A reader of an article with 20,000 shared notes, on SQLite and on PostgreSQL: the page marks where
// the discussion is without loading it, and a sentence's notes open a page at a time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/test/chromium';
import { startInstance } from '../../scripts/deploy/instance';
import { createTemporaryDatabase } from '../../scripts/db/postgres-server';
import { clusterSecret } from './cluster';

const slug = 'deepseek-capex';
const notes = 20_000;
test.use({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } });

for (const database of ['sqlite', 'postgresql'] as const) {
  test(`${notes.toLocaleString('en')} shared notes on ${database}: marks, a sentence's notes page by page, a small first view`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-many-'));
    const temporary = database === 'postgresql' ? await createTemporaryDatabase('reader_many') : undefined;
    const url = temporary?.url ?? `file:${path.join(folder, 'reader.db')}`;
    const env = { DATABASE_URL: url, BETTER_AUTH_SECRET: clusterSecret, LOG_REQUESTS: '0', WARM_UP: '0' };
    const port = Number(process.env.E2E_PORT ?? 3210) + (database === 'sqlite' ? 90 : 91);
    try {
      for (const [script, ...rest] of [['db:migrate'], ['db:seed:many', '--', `--notes=${notes}`]]) {
        const run = spawnSync('npm', ['run', '--silent', script, ...rest], { env: { ...process.env, ...env }, encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
      }
      const instance = await startInstance({ port, env, logFile: path.join(folder, 'server.log') });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const received: { url: string; size: number }[] = [];
        page.on('requestfinished', async (request) => {
          if (!request.url().includes('/api/')) return;
          const sizes = await request.sizes().catch(() => undefined);
          if (sizes) received.push({ url: request.url(), size: sizes.responseBodySize + sizes.responseHeadersSize });
        });
        await page.goto(`${instance.url}/en/articles/${slug}?view=en`);
        await expect(page.getByRole('button', { name: `Notes (${notes})` })).toBeVisible({ timeout: 15_000 });
        // The discussed sentences near the screen are marked by their level of discussion, and the
        // rest as the reader comes to them (discussion.ts).
        const marked = () => page.locator('[data-sid][data-discussion]').count();
        await expect.poll(marked).toBeGreaterThan(0);
        const nearTop = await marked();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y < height; y += 600) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        }
        await expect.poll(marked).toBeGreaterThan(Math.max(50, nearTop));
        // What the first view cost: the counts, not the notes.
        const annotationData = received.reduce((sum, r) => sum + r.size, 0);
        expect(annotationData, JSON.stringify(received)).toBeLessThan(200_000);

        // A discussed sentence opens its notes, twenty at a time.
        const sentence = page.locator('.block[data-lang="en"] [data-sid="p02-s1"]');
        await sentence.scrollIntoViewIfNeeded();
        await sentence.click({ position: { x: 5, y: 5 } });
        const panel = page.locator('.note-panel');
        await expect(panel.getByRole('heading', { name: 'Notes on this sentence' })).toBeVisible();
        await expect(panel.locator('.note-card')).toHaveCount(20);
        await expect(panel.locator('.sentence-tally')).toContainText('shared notes');
        await panel.getByRole('button', { name: 'Show more' }).click();
        await expect(panel.locator('.note-card')).toHaveCount(40);

        // The review page searches on the server: the first page of matches, then more, by filter and words.
        await page.goto(`${instance.url}/en/articles/${slug}/review?kind=claim&verdict=false`);
        await expect(page.locator('.review-list .note-card')).toHaveCount(20);
        const matches = page.locator('.review-matches');
        // Counted up to 1,000 ("1,000+" beyond: counting every match of a common word reads every note).
        await expect(matches).toContainText(/Showing 20 of [\d,]+\+?$/);
        const counted = async () => {
          const found = ((await matches.textContent()) ?? '').replace(/,/g, '').match(/of (\d+)(\+?)$/);
          return found ? { count: Number(found[1]), capped: found[2] === '+' } : null;
        };
        const claims = (await counted())!;
        await page.getByRole('searchbox').fill('算力');
        // Fewer notes match the words too, counted exactly by the server.
        await expect
          .poll(
            async () => {
              const now = await counted();
              return now !== null && !now.capped && now.count < claims.count;
            },
            { timeout: 10_000 },
          )
          .toBe(true);
        const cards = await page.locator('.review-list .note-card').count();
        await page.getByRole('button', { name: 'Show more' }).click();
        await expect.poll(() => page.locator('.review-list .note-card').count()).toBeGreaterThan(cards);
      } finally {
        // The instance stops even when the browser is already gone (a timed-out test): else it outlives the run.
        await context.close().catch(() => undefined);
        await instance.stop();
      }
    } finally {
      await temporary?.drop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
}
