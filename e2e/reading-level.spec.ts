import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, sidewaysOverflow, slug, test } from './readers';

// Issue 17: the article's words by HSK level, and the words above a chosen level marked in the text.

/** The words the "above-level" highlight marks in a Chinese sentence. */
const marked = (page: Page, sentence: string) =>
  page.evaluate((sentence) => {
    const element = document.querySelector(`.block[data-lang="zh"] [data-sid="${sentence}"]`)!;
    const ranges = [...(CSS.highlights.get('above-level') ?? [])] as Range[];
    return ranges.filter((range) => element.contains(range.commonAncestorContainer)).map((range) => range.toString());
  }, sentence);

test('zh, desktop: the reading level lists shares per HSK level and the words beyond HSK 6; words above a level are marked, remembered', async ({
  page,
}) => {
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await page.locator('.reading-level > summary').click();
  const chart = page.getByRole('table', { name: '阅读难度' });
  await expect(chart.getByRole('row')).toHaveCount(8);
  await expect(chart.getByRole('rowheader').first()).toHaveText('HSK 1 级');
  await expect(chart.getByRole('rowheader').last()).toHaveText('超出 HSK 6');
  const shares = (await chart.locator('.level-share').allTextContents()).map((text) => Number(text.replace('%', '')));
  expect(shares.reduce((sum, share) => sum + share, 0)).toBeGreaterThanOrEqual(98);
  await expect(page.locator('.beyond-words')).toContainText('芯片');

  const level = page.getByLabel('标出高于此等级的词');
  await level.selectOption('5');
  await expect(page.locator('.level-marks-count')).toHaveText(/^全文有 \d+ 个词高于 HSK 5 级。$/);
  // Marked as the text comes near the screen.
  await page.locator('.block[data-lang="zh"] [data-sid="p02-s2"]').scrollIntoViewIfNeeded();
  await expect.poll(() => marked(page, 'p02-s2')).toContain('芯片');
  expect(await marked(page, 'p02-s2')).not.toContain('公司');
  await level.selectOption('1');
  await expect.poll(() => marked(page, 'p02-s2')).toContain('公司');

  // Remembered on the device; marks follow the reader down the article.
  await page.reload();
  await expect.poll(() => marked(page, 'p02-s2')).toContain('公司');
  await page.locator('.block[data-lang="zh"] [data-sid="p21-s6"]').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await marked(page, 'p21-s6')).length).toBeGreaterThan(0);
  await page.locator('.reading-level > summary').click();
  await page.getByLabel('标出高于此等级的词').selectOption('0');
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('above-level'))).toBe(false);
});

test('en UI, phone: the reading level fits the screen and axe finds nothing serious in it', async ({ newReader }) => {
  const { page } = await newReader('Level Lu', { phone: true });
  await page.goto(`/en/articles/${slug}?view=bilingual`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await page.locator('.reading-level > summary').click();
  await expect(page.getByRole('table', { name: 'Reading level' }).getByRole('rowheader').last()).toHaveText('Beyond HSK 6');
  await expect(page.locator('.reading-level-panel')).toContainText('A word in no HSK list counts at the level of its hardest character');
  expect(await sidewaysOverflow(page)).toBe(0);
  const { violations } = await new AxeBuilder({ page }).include('.reading-level').analyze();
  expect(violations.filter((v) => ['serious', 'critical'].includes(v.impact!))).toEqual([]);
});
