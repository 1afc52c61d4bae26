import { createNote, expect, slug, test } from './readers';
import { highlightState, select } from './selection';

// Issue 13, "Beyond": keyboard shortcuts, listed by `?`.

test('zh: ? lists the shortcuts, j and k step through the notes, v cycles the views', async ({ newReader }) => {
  const reader = await newReader('Keys Yu');
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片', { body: '第一条' });
  await createNote(reader, 'zh', '合计资本支出总额将超过3200亿美元', { body: '第二条' });
  const { page } = reader;
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await expect.poll(() => highlightState(page, 'note-comment', 'zh', 'p31-s5')).toMatchObject({ inSentence: true });

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('下一条笔记');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('j');
  await expect.poll(() => highlightState(page, 'note-active', 'zh', 'p02-s2')).toMatchObject({ inSentence: true });
  await expect(page.locator('.note-panel .note-card')).toContainText('第一条');
  await page.keyboard.press('j');
  await expect(page.locator('.note-panel .note-card')).toContainText('第二条');
  await expect.poll(() => highlightState(page, 'note-active', 'zh', 'p31-s5')).toMatchObject({ inSentence: true });
  await page.keyboard.press('k');
  await expect(page.locator('.note-panel .note-card')).toContainText('第一条');

  await page.keyboard.press('v');
  await expect(page.locator('.reader')).toHaveAttribute('data-view', 'en');
  await page.keyboard.press('v');
  await expect(page.locator('.reader')).toHaveAttribute('data-view', 'bilingual');
});

test('en: h highlights the selection, n starts a note on it, and typing in the note is only typing', async ({ newReader }) => {
  const { page } = await newReader('Keys Zo');
  await page.goto(`/en/articles/${slug}?view=en`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await select(page, 'en', 'p02-s2', 'using only 2,048 Nvidia H800 chips');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(() => highlightState(page, 'note-yellow', 'en', 'p02-s2')).toMatchObject({ inSentence: true });

  await select(page, 'en', 'p01-s4', 'Nvidia has been the biggest beneficiary');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('n');
  const body = page.locator('.note-editor').getByLabel('Note (Markdown)');
  await expect(page.locator('.note-editor blockquote')).toHaveText('Nvidia has been the biggest beneficiary');
  await body.click();
  await page.keyboard.type('hjkv?');
  await expect(body).toHaveValue('hjkv?');
  await expect(page.locator('.reader')).toHaveAttribute('data-view', 'en');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
