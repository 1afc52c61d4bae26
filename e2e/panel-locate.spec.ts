import { createNote, expect, slug, test } from './readers';
import { highlightState, passagePlacement } from './selection';

// Issue 13, item 3: from a card in the notes panel to its passage, and a list that follows the reader.
// Other tests share notes on the same article at the same time: these look only at their own.

test('zh, wide: the list puts the notes on screen first as the reader scrolls, and a card leads to its passage', async ({ newReader }) => {
  const reader = await newReader('Panel Lu');
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片', { body: '开头的笔记' });
  await createNote(reader, 'zh', '合计资本支出总额将超过3200亿美元', { body: '结尾的笔记' });
  const { page } = reader;
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await page.locator('.block[data-lang="zh"] [data-sid="p02-s2"]').evaluate((s) => s.scrollIntoView({ block: 'center' }));
  await page.getByRole('button', { name: /笔记（\d+）/ }).click();
  const items = page.locator('.note-panel .note-list > li');
  const early = items.filter({ hasText: '开头的笔记' });
  const late = items.filter({ hasText: '结尾的笔记' });
  /** Where each of the two notes stands in the list. */
  const order = async () => {
    const texts = await items.allInnerTexts();
    return { early: texts.findIndex((t) => t.includes('开头的笔记')), late: texts.findIndex((t) => t.includes('结尾的笔记')) };
  };
  await expect(early).toHaveClass('on-screen');
  await expect(late).not.toHaveClass('on-screen');
  await expect.poll(async () => ((o) => o.early < o.late)(await order())).toBe(true);

  // The pointer off the list, the reader scrolls to the end: that note comes first.
  await page.mouse.move(200, 500);
  await page.locator('.block[data-lang="zh"] [data-sid="p31-s5"]').evaluate((s) => s.scrollIntoView({ block: 'center' }));
  await expect(late).toHaveClass('on-screen');
  await expect(early).not.toHaveClass('on-screen');
  await expect.poll(async () => ((o) => o.late < o.early)(await order())).toBe(true);

  // A click on the other card goes back to its passage, clear of the panel, and lights it.
  await early.locator('.note-body').click();
  await expect.poll(() => passagePlacement(page, 'zh', 'p02-s2')).toMatchObject({ visible: true });
  await expect.poll(() => highlightState(page, 'note-active', 'zh', 'p02-s2')).toMatchObject({ inSentence: true });
});

test('en, phone: Enter on a card’s quote brings its passage above the bottom sheet', async ({ newReader }) => {
  const reader = await newReader('Panel Mo', { phone: true });
  await createNote(reader, 'en', 'using only 2,048 Nvidia H800 chips', { body: 'Early note.' });
  const { page } = reader;
  await page.goto(`/en/articles/${slug}?view=en`);
  await page.locator('.block[data-lang="en"] [data-sid="p31-s5"]').evaluate((s) => s.scrollIntoView({ block: 'center' }));
  await page.getByRole('button', { name: /Notes \(\d+\)/ }).click();
  const quote = page
    .locator('.note-panel .note-card')
    .filter({ hasText: 'Early note.' })
    .getByRole('button', { name: 'using only 2,048 Nvidia H800 chips' });
  await quote.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => passagePlacement(page, 'en', 'p02-s2')).toMatchObject({ visible: true });
  await expect.poll(() => highlightState(page, 'note-active', 'en', 'p02-s2')).toMatchObject({ inSentence: true });
});

test('zh, touch phone: a tap in the list leaves no hover behind, so the list still follows the reader', async ({ newReader }) => {
  const reader = await newReader('Panel Tap', { phone: true, touch: true });
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片', { body: '开头的笔记' });
  await createNote(reader, 'zh', '合计资本支出总额将超过3200亿美元', { body: '结尾的笔记' });
  const { page } = reader;
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await page.locator('.block[data-lang="zh"] [data-sid="p02-s2"]').evaluate((s) => s.scrollIntoView({ block: 'start' }));
  await page.getByRole('button', { name: /笔记（\d+）/ }).tap();
  const items = page.locator('.note-panel .note-list > li');
  const late = items.filter({ hasText: '结尾的笔记' });
  await expect(items.filter({ hasText: '开头的笔记' })).toHaveClass('on-screen');

  // A tap on the list's heading: on a touch screen the browser keeps :hover there afterwards.
  await page.locator('.note-panel-header h2').tap();
  await page.locator('.block[data-lang="zh"] [data-sid="p31-s5"]').evaluate((s) => s.scrollIntoView({ block: 'start' }));
  await expect(late).toHaveClass('on-screen');
  const texts = await items.allInnerTexts();
  expect(texts.findIndex((t) => t.includes('结尾的笔记'))).toBeLessThan(texts.findIndex((t) => t.includes('开头的笔记')));
});
