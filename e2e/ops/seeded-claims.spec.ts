// Issue 16 on the demo data, as `npm run reader` shows a new install: the claims view in both
// interface languages holds the seeded discussion and the demo moderator's editorial verdicts, axe
// finds nothing serious, and the article's margin marks carry those verdicts. Its own SQLite file
// and server: the seed's fixed demo accounts must not meet the other tests' database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demoVerdicts } from '../../lib/seed/demo-data';
import { locateQuote } from '../../lib/seed/locate-quote';
import { startInstance, type Instance } from '../../scripts/deploy/instance';
import { raisedLimits } from '../../scripts/test/raised-limits';
import { clusterSecret } from './cluster';

const slug = 'deepseek-capex';
const port = Number(process.env.E2E_PORT ?? 3210) + 75;
test.describe.configure({ mode: 'serial' });

let folder: string;
let instance: Instance;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-seeded-'));
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(folder, 'reader.db')}`,
    BETTER_AUTH_SECRET: clusterSecret,
    LOG_REQUESTS: '0',
    ...raisedLimits,
  };
  for (const script of ['db:migrate', 'db:seed']) {
    const run = spawnSync('npm', ['run', '--silent', script], { env, encoding: 'utf8' });
    expect(run.status, `${script}: ${run.stderr}`).toBe(0);
  }
  instance = await startInstance({
    port,
    env: { DATABASE_URL: env.DATABASE_URL, BETTER_AUTH_SECRET: clusterSecret, LOG_REQUESTS: '0', ...raisedLimits },
  });
});
test.afterAll(async () => {
  await instance?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

const sentenceOf = (quote: string) => locateQuote('zh', quote).sentenceIds[0];
const slip = demoVerdicts.find((v) => v.quote.includes('3200万美元'))!;
const training = demoVerdicts.find((v) => v.quote.includes('550万美元'))!;

for (const [locale, texts] of [
  ['zh', { slip: '编辑结论：不实', training: '编辑结论：部分属实', link: '读者核查的论断' }],
  ['en', { slip: 'Editors’ verdict: False', training: 'Editors’ verdict: Half true', link: 'Claims readers checked' }],
] as const) {
  test(`${locale}: the claims view holds the seeded discussion and verdicts, axe clean`, async ({ page }) => {
    await page.goto(`${instance.url}/${locale}/articles/${slug}`);
    await page.getByRole('link', { name: texts.link }).click();
    const slipClaim = page.locator(`#claim-${sentenceOf(slip.quote)}`);
    await expect(slipClaim.locator('.editorial')).toContainText(texts.slip);
    // The readers' claim on the slip (seeded as false) is counted apart from the verdict.
    await expect(slipClaim).toHaveClass(/consensus-false/);
    await expect(page.locator(`#claim-${sentenceOf(training.quote)}`).locator('.editorial')).toContainText(texts.training);
    expect(await page.locator('.claim .editorial').count()).toBe(demoVerdicts.length);
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

    // In the article, the slip's margin mark carries the editors' verdict.
    await page.goto(`${instance.url}/${locale}/articles/${slug}?view=zh`);
    const mark = page.locator(`.claim-mark[data-sentence="${sentenceOf(slip.quote)}"][data-lang="zh"]`);
    // Placed while its passage is near the screen (docs/decisions/010).
    await page.locator(`.block[data-lang="zh"] [data-sid="${sentenceOf(slip.quote)}"]`).scrollIntoViewIfNeeded();
    await expect(mark).toHaveClass(/reviewed/);
    await expect(mark).toHaveClass(/tone-false/);
  });
}
