import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, sidewaysOverflow, slug, test } from './readers';
import { lookUpAtCaret, phraseCentre } from './selection';

// Issue 17: save a looked-up word, see it in My words, review it, in both languages, desktop and phone.

async function lookUpByClick(page: Page, sentence: string, phrase: string) {
  const { x, y } = await phraseCentre(page, 'zh', sentence, phrase);
  await page.mouse.click(x, y);
}

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter((v) => ['serious', 'critical'].includes(v.impact!));

test('zh, desktop: Save on the card, then My words lists the word with its sentence, pinyin, English and a link back', async ({
  newReader,
}) => {
  const { page } = await newReader('Words Wu');
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await page.getByRole('button', { name: '查词' }).click();
  await lookUpByClick(page, 'p02-s2', '英伟达');
  const card = page.getByRole('dialog', { name: '英伟达' });
  await card.getByRole('button', { name: '收藏' }).click();
  await expect(card.getByRole('button', { name: '已收藏' })).toBeDisabled();

  await page.reload();
  await expect(page.getByRole('link', { name: '我的生词（1）' })).toBeVisible();
  await page.getByRole('link', { name: '我的生词（1）' }).click();
  await expect(page).toHaveURL(/\/zh\/words$/);
  const item = page.locator('.saved-word');
  await expect(item).toHaveCount(1);
  await expect(item.locator('.saved-word-word')).toHaveText('英伟达');
  await expect(item.locator('.saved-word-pinyin')).toHaveText('yīng wěi dá');
  await expect(item.locator('mark')).toHaveText('英伟达');
  await expect(item.locator('.saved-word-english')).toContainText('2,048 Nvidia H800 chips');
  await expect(item.getByRole('link', { name: '在文章中查看' })).toHaveAttribute('href', `/zh/articles/${slug}?view=zh#zh-p02`);
  await expect(page.getByRole('link', { name: '导出到 Anki（TSV）' })).toHaveAttribute('href', '/api/me/words/export?format=tsv');
  expect(await seriousViolations(page)).toEqual([]);

  await item.getByRole('button', { name: '删除 英伟达' }).click();
  await expect(page.locator('.saved-word')).toHaveCount(0);
  await expect(page.getByText('还没有收藏的生词')).toBeVisible();
});

test('en, phone: a word saved from the keyboard is reviewed with its word blanked; Good schedules it and clears the count', async ({
  newReader,
}) => {
  const { page } = await newReader('Words Wen', { phone: true });
  await page.goto(`/en/articles/${slug}?view=bilingual`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await lookUpAtCaret(page, 'p01-s2', '投资者');
  const card = page.getByRole('dialog', { name: '投资者' });
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('button', { name: 'Saved' })).toBeVisible();

  await page.goto('/en/words/review');
  const review = page.getByRole('region', { name: 'Word to recall' });
  await expect(review.locator('.review-sentence')).toContainText('＿＿＿');
  await expect(review.locator('.review-sentence')).not.toContainText('投资者');
  await expect(review.locator('.review-english')).toContainText('investors');
  await expect(review).toContainText('1 word due');
  expect(await sidewaysOverflow(page)).toBe(0);
  await page.keyboard.press('Space');
  await expect(review.locator('.review-sentence mark')).toHaveText('投资者');
  await expect(review.locator('.review-answer')).toContainText('tóu zī zhě');
  expect(await seriousViolations(page)).toEqual([]);
  await review.getByRole('button', { name: /Good/ }).click();
  await expect(page.getByRole('heading', { name: 'Nothing due now' })).toBeVisible();
  await expect(page.getByText('1 word reviewed')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: 'My words', exact: true })).toBeVisible();
});

test('signed out, the card offers to sign in and come back instead of Save', async ({ page }) => {
  await page.goto(`/en/articles/${slug}?view=zh`);
  await page.getByRole('button', { name: 'Look up words' }).click();
  await lookUpByClick(page, 'p01-s1', '算力');
  const signIn = page.getByRole('dialog', { name: '算力' }).getByRole('link', { name: 'Sign in to save' });
  await expect(signIn).toHaveAttribute('href', `/en/sign-in?next=${encodeURIComponent(`/en/articles/${slug}?view=zh`)}`);
});
