import { createNote, expect, slug, test } from './readers';

// Issue 13, item 7: print gives a clean article, with the notes as endnotes when the reader asks.

test('zh: "Print with notes" lists the painted notes after the article, on paper only', async ({ newReader }) => {
  const reader = await newReader('Print Al');
  await createNote(reader, 'zh', '合计资本支出总额将超过3200亿美元', { body: '后面的笔记' });
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片', { body: '前面的笔记' });
  const { page } = reader;
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });

  // Printing without asking: no notes on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-endnotes')).toHaveCount(0);
  await expect(page.locator('.reader-toolbar')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: /笔记（\d+）/ }).click();
  await page.getByRole('button', { name: '打印（附笔记）' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const endnotes = page.locator('.print-endnotes');
  await expect(endnotes).toBeHidden(); // not on screen
  await page.emulateMedia({ media: 'print' });
  await expect(endnotes).toBeVisible();
  const items = endnotes.locator('li');
  await expect(items.filter({ hasText: '前面的笔记' })).toHaveCount(1);
  const texts = await items.allInnerTexts();
  // In the order of the article: the earlier passage first.
  expect(texts.findIndex((t) => t.includes('前面的笔记'))).toBeLessThan(texts.findIndex((t) => t.includes('后面的笔记')));
});
