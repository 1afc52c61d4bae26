import { discussionPainted } from './page-state';
import { expect, slug, test } from './readers';
import { select } from './selection';

// Issue 13, item 1: a draft with writing in it is never dropped unless its reader discards it.

test('zh, wide: Escape and a new selection keep the draft; only Discard throws it away', async ({ newReader }) => {
  const { page } = await newReader('Draft Ada');
  await page.goto(`/zh/articles/${slug}?view=zh`);
  const editor = page.locator('.note-editor');
  const body = editor.getByLabel('笔记（支持 Markdown）');

  await select(page, 'zh', 'p03-s1', '仍坚持“大力出奇迹”');
  await page.getByRole('toolbar').getByRole('button', { name: '评论' }).click();
  await body.fill('规模优先，第一份草稿。');
  await body.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('草稿已保留，可在“笔记”中继续写。');
  await expect(page.getByRole('button', { name: /笔记（\d+） · 1 份草稿/ })).toBeVisible();

  // Starting another note keeps the one being written.
  await select(page, 'zh', 'p01-s1', '是否有必要');
  await page.getByRole('toolbar').getByRole('button', { name: '提问' }).click();
  await body.fill('第二份草稿？');
  await select(page, 'zh', 'p02-s2', '仅用2048张英伟达H800芯片');
  await page.getByRole('toolbar').getByRole('button', { name: '评论' }).click();
  await expect(body).toHaveValue('');
  // An empty draft is not worth keeping: Cancel drops it.
  await editor.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: /2 份草稿/ }).click();
  const drafts = page.getByRole('region', { name: '草稿' });
  await expect(drafts.getByRole('listitem')).toHaveCount(2);
  await expect(drafts.getByRole('listitem').first()).toContainText('第二份草稿？');

  // Reopened as it was left; Discard removes it, here and after a reload.
  await drafts.getByRole('listitem').filter({ hasText: '第一份草稿' }).getByRole('button', { name: '继续写' }).click();
  await expect(body).toHaveValue('规模优先，第一份草稿。');
  await expect(editor.locator('blockquote')).toHaveText('仍坚持“大力出奇迹”');
  await editor.getByRole('button', { name: '丢弃' }).click();
  await expect(editor).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.note-editor')).toHaveCount(0);
  await page.getByRole('button', { name: /1 份草稿/ }).click();
  await expect(drafts.getByRole('listitem')).toHaveCount(1);
  await expect(drafts).toContainText('第二份草稿？');
  await expect(drafts).not.toContainText('第一份草稿');
});

test('en, phone: the panel’s Close keeps the draft across a reload, and saving it clears it', async ({ newReader }) => {
  const { page } = await newReader('Draft Bo', { phone: true });
  await page.goto(`/en/articles/${slug}?view=en`);
  const editor = page.locator('.note-editor');
  const body = editor.getByLabel('Note (Markdown)');

  await select(page, 'en', 'p01-s4', 'Nvidia has been the biggest beneficiary');
  await page.getByRole('toolbar').getByRole('button', { name: 'Question' }).click();
  await body.fill('Still true in 2025?');
  await page.locator('.note-panel-header').getByRole('button', { name: 'Close' }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Your draft is kept: reopen it from Notes.');

  await page.reload();
  await page.getByRole('button', { name: /Notes \(\d+\) · 1 draft/ }).click();
  const drafts = page.getByRole('region', { name: 'Drafts' });
  await expect(drafts.locator('blockquote')).toHaveText('Nvidia has been the biggest beneficiary');
  await drafts.getByRole('button', { name: 'Continue' }).click();
  await expect(body).toHaveValue('Still true in 2025?');
  await expect(editor.getByLabel('Question')).toBeChecked();
  // "Keep as draft" says what Close does, in the editor itself.
  await editor.getByRole('button', { name: 'Keep as draft' }).click();
  await page.getByRole('button', { name: /1 draft/ }).click();
  await drafts.getByRole('button', { name: 'Continue' }).click();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.note-card')).toContainText('Still true in 2025?');
  await expect(page.getByRole('button', { name: /draft/ })).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: /Notes \(\d+\)/ }).click();
  await expect(page.getByRole('region', { name: 'Drafts' })).toHaveCount(0);
});

test('changes to a saved note are kept as a draft when the editor closes, and picked up by Edit', async ({ newReader }) => {
  const { page } = await newReader('Draft Cy');
  await page.goto(`/en/articles/${slug}?view=en`);
  const editor = page.locator('.note-editor');
  const body = editor.getByLabel('Note (Markdown)');
  await select(page, 'en', 'p02-s2', 'using only 2,048 Nvidia H800 chips');
  await page.getByRole('toolbar').getByRole('button', { name: 'Comment' }).click();
  await body.fill('Cheap training.');
  await editor.getByRole('button', { name: 'Save' }).click();
  const card = page.locator('.note-card');
  await expect(card).toContainText('Cheap training.');

  // Opening and closing without a change leaves no draft.
  await card.getByRole('button', { name: 'Edit' }).click();
  await body.press('Escape');
  await expect(page.getByRole('button', { name: /draft/ })).toHaveCount(0);

  await page.getByRole('button', { name: /Notes \(\d+\)/ }).click();
  await page.locator('.note-card').getByRole('button', { name: 'Edit' }).click();
  await body.fill('Cheap training, if the figure holds.');
  await body.press('Escape');
  await expect(page.getByRole('button', { name: /1 draft/ })).toBeVisible();
  await page.getByRole('button', { name: /1 draft/ }).click();
  await expect(page.getByRole('region', { name: 'Drafts' })).toContainText('Changes to your note');
  await page.locator('.note-card').getByRole('button', { name: 'Edit' }).click();
  await expect(body).toHaveValue('Cheap training, if the figure holds.');
  await expect(editor.getByText('Your unsaved note was restored.')).toBeVisible();
});

// The editor and the panels load on the reader's first intent (components/annotations/use-panel-parts.ts):
// a reader whose connection drops before that is told so, and the editor opens once it is back.
test('en, wide: offline before any panel was opened, a comment waits for the connection and loses nothing', async ({ newReader }) => {
  // The browser reports the requests the lost connection refused.
  const { page, context } = await newReader('Offline Ada', { allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });
  await page.goto(`/en/articles/${slug}?view=en`);
  await discussionPainted(page);
  await context.setOffline(true);
  // Escape gives up on what was asked while its code is on its way (here, the shortcuts' list).
  const failed = page.getByRole('status').filter({ hasText: 'The notes could not be loaded' });
  await page.keyboard.press('?');
  await expect(failed).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(failed).toHaveCount(0);

  await select(page, 'en', 'p03-s1', 'brute force');
  await page.getByRole('toolbar').getByRole('button', { name: 'Comment' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The notes could not be loaded: they open here once the connection is back' }),
  ).toBeVisible();

  await context.setOffline(false);
  const editor = page.locator('.note-editor');
  await expect(editor.locator('blockquote')).toHaveText('brute force');
  await editor.getByLabel('Note (Markdown)').fill('Written after the connection came back.');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.note-card').filter({ hasText: 'Written after the connection came back.' })).toBeVisible();
  await expect(page.getByText('The notes could not be loaded')).toHaveCount(0);
});
