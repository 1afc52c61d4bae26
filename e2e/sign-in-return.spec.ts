import { randomUUID } from 'node:crypto';
import { expect, slug, test } from './readers';
import { passagePlacement, select } from './selection';

// Issue 13, item 6: signing in (or up) from a selection in the article brings the reader back to the
// same sentence with that selection's note editor open; "create an account" keeps where to return.

test('zh, wide: from a selection to sign-up and back, the editor open on the same passage', async ({ page }) => {
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await expect(page.getByRole('button', { name: /笔记（\d+）/ })).toBeVisible();
  // Selected again until the layer, once hydrated and knowing the reader is signed out, offers its toolbar.
  await expect(async () => {
    await select(page, 'zh', 'p31-s5', '合计资本支出总额将超过3200亿美元');
    await expect(page.getByRole('toolbar').getByRole('link', { name: '登录后可划线和写笔记' })).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.getByRole('toolbar').getByRole('link', { name: '登录后可划线和写笔记' }).click();
  await expect(page).toHaveURL(/\/zh\/sign-in\?next=/);

  // No account yet: the sign-up link keeps where to come back to.
  const signUp = page.locator('main').getByRole('link', { name: '注册' });
  await expect(signUp).toHaveAttribute('href', `/zh/sign-up?next=${encodeURIComponent(`/zh/articles/${slug}`)}`);
  await signUp.click();
  await expect(page).toHaveURL(new RegExp(`/zh/sign-up\\?next=${encodeURIComponent(`/zh/articles/${slug}`)}`));
  await page.getByLabel('显示名称').fill('Return Su');
  await page.getByLabel('电子邮箱').fill(`${randomUUID()}@example.test`);
  await page.getByLabel('密码', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: '注册' }).click();

  await expect(page).toHaveURL(new RegExp(`/zh/articles/${slug}`));
  const editor = page.locator('.note-editor');
  await expect(editor.locator('blockquote')).toHaveText('合计资本支出总额将超过3200亿美元');
  await expect.poll(() => passagePlacement(page, 'zh', 'p31-s5')).toMatchObject({ visible: true });
  await editor.getByLabel('笔记（支持 Markdown）').fill('登录回来接着写。');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.note-card')).toContainText('登录回来接着写。');
});

test('en, phone: from a selection to sign-in and back, the passage above the editor', async ({ newReader, browser }) => {
  const account = await newReader('Return Ty');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/en/articles/${slug}?view=en`);
  await expect(page.getByRole('button', { name: /Notes \(\d+\)/ })).toBeVisible();
  // Selected again until the layer, once hydrated and knowing the reader is signed out, offers its toolbar.
  await expect(async () => {
    await select(page, 'en', 'p31-s5', 'will exceed $320 billion');
    await expect(page.getByRole('toolbar').getByRole('link', { name: 'Sign in to highlight and take notes' })).toBeVisible({
      timeout: 500,
    });
  }).toPass();
  await page.getByRole('toolbar').getByRole('link', { name: 'Sign in to highlight and take notes' }).click();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.locator('main').getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(new RegExp(`/en/articles/${slug}`));
  await expect(page.locator('.note-editor blockquote')).toHaveText('will exceed $320 billion');
  await expect.poll(() => passagePlacement(page, 'en', 'p31-s5')).toMatchObject({ visible: true });
  await context.close();
});
