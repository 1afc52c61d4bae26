import AxeBuilder from '@axe-core/playwright';
import { createNote, expect, slug, test } from './readers';

// Issue 13, beyond: on wide screens the contents are a side rail with the reading position and each
// section's note count; on phones they stay a disclosure above the text.

const box = async (locator: import('@playwright/test').Locator) => (await locator.boundingBox())!;

test('en, wide: a rail left of the text, open, with the section being read and each section’s notes', async ({ newReader }) => {
  test.slow(); // axe over the whole article
  const reader = await newReader('Rail Ada');
  await createNote(reader, 'en', 'depend heavily on computing power', { body: 'private, in the first section' });
  const { page } = reader;
  await page.goto(`/en/articles/${slug}?view=en`);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  const first = contents.getByRole('link', { name: 'Investment in computing power reaches a historic peak' });
  const last = contents.getByRole('link', { name: 'Can investment at this intensity be sustained?' });
  await expect(first).toBeVisible();
  const text = page.locator('.block[data-lang="en"].block-paragraph').first();
  expect((await box(contents)).x + (await box(contents)).width).toBeLessThanOrEqual((await box(text)).x);

  // The reader's private note counts in its section (with whatever others share there).
  const firstItem = contents.getByRole('listitem').filter({ hasText: 'Investment in computing power reaches a historic peak' });
  await expect(firstItem.locator('.toc-count .visually-hidden')).toHaveText(/^\d+ notes? in this section$/);
  expect(Number(await firstItem.locator('.toc-count [aria-hidden]').textContent())).toBeGreaterThanOrEqual(1);

  // Still in the lead: no section is being read. After a jump, the rail marks it and stays in view.
  await expect(contents.locator('[aria-current]')).toHaveCount(0);
  await last.click();
  await expect(last).toHaveAttribute('aria-current', 'location');
  await expect(first).not.toHaveAttribute('aria-current');
  const rail = await box(contents.locator('details'));
  expect(rail.y).toBeGreaterThanOrEqual(0);
  expect(rail.y).toBeLessThan(300);

  // Reading back up moves the mark.
  await page.locator((await first.getAttribute('href'))!).evaluate((heading) => {
    scrollTo({ top: scrollY + heading.getBoundingClientRect().top - 100, behavior: 'instant' });
  });
  await expect(first).toHaveAttribute('aria-current', 'location');

  // With the notes panel open, the rail is still on screen, beside the text.
  await page.getByRole('button', { name: /Notes \(\d+\)/ }).click();
  await expect(page.locator('.note-panel')).toBeVisible();
  await expect.poll(async () => (await box(contents)).x).toBeGreaterThanOrEqual(0);
  expect((await box(contents)).x + (await box(contents)).width).toBeLessThanOrEqual((await box(text)).x);
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('zh, phone: the contents stay a closed disclosure above the text', async ({ newReader }) => {
  const { page } = await newReader('Rail Bo', { phone: true });
  await page.goto(`/zh/articles/${slug}?view=zh`);
  const contents = page.getByRole('navigation', { name: '目录' });
  await expect(contents.locator('details')).not.toHaveAttribute('open');
  await expect(contents.getByRole('link', { name: '算力投资达到历史顶峰' })).toBeHidden();
  await contents.getByText('目录').click();
  await expect(contents.getByRole('link', { name: '算力投资达到历史顶峰' })).toBeVisible();
  expect(await contents.evaluate((nav) => getComputedStyle(nav).position)).toBe('static');
});

test('zh, bilingual: above the text at 1280 px, a rail of the Chinese headings at 1920 px', async ({ newReader }) => {
  const { page } = await newReader('Rail Cy');
  await page.goto(`/zh/articles/${slug}?view=bilingual`);
  const contents = page.getByRole('navigation', { name: '目录' });
  await expect(contents.locator('details')).not.toHaveAttribute('open');
  await page.setViewportSize({ width: 1920, height: 1000 });
  await expect(contents.getByRole('link', { name: '算力投资达到历史顶峰' })).toBeVisible();
  await expect(contents.getByRole('link', { name: 'Investment in computing power reaches a historic peak' })).toBeHidden();
  expect(await contents.evaluate((nav) => getComputedStyle(nav).position)).toBe('absolute');
  // Narrow again: the contents close as the reader had them.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(contents.locator('details')).not.toHaveAttribute('open');
});
