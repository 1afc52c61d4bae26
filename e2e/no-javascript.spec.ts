import { articleText, expect, slug, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('without JavaScript the whole Chinese text is there and readable', async ({ page }) => {
  await page.goto(`/zh/articles/${slug}`);
  const text = await page.locator('article').innerText();
  const sentences = articleText('zh').blocks.flatMap((b) => b.sentences.map((s) => s.text));
  expect(sentences.length).toBeGreaterThan(100);
  expect(sentences.filter((sentence) => !text.includes(sentence))).toEqual([]);
});

test('without JavaScript the view links still switch views', async ({ page }) => {
  await page.goto(`/zh/articles/${slug}`);
  await page.getByRole('navigation', { name: '阅读模式' }).getByRole('link', { name: '英文' }).click();
  await expect(page).toHaveURL(/\?view=en$/);
  const text = await page.locator('article').innerText();
  const sentences = articleText('en').blocks.flatMap((b) => b.sentences.map((s) => s.text));
  expect(sentences.filter((sentence) => !text.includes(sentence))).toEqual([]);
  await expect(page.getByRole('heading', { level: 1, name: articleText('zh').meta.title })).toBeHidden();
});
