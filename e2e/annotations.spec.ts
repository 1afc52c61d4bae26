import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { expect, slug, test, watchPage } from './fixtures';
import { highlightState, select } from './selection';

const password = 'correct horse battery';

/** Signs a new reader up through the real form, in a fresh browser context of their own. */
async function signUpInBrowser(browser: Browser, name: string, locale: 'zh' | 'en' = 'zh') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Like the `page` fixture: any console error or uncaught exception fails the test (at close).
  const errors = await watchPage(page);
  await page.goto(`/${locale}/sign-up?next=${encodeURIComponent(`/${locale}/articles/${slug}?view=zh`)}`);
  const labels =
    locale === 'zh'
      ? { name: '显示名称', email: '电子邮箱', password: '密码', submit: '注册' }
      : { name: 'Display name', email: 'Email', password: 'Password', submit: 'Sign up' };
  await page.getByLabel(labels.name).fill(name);
  await page.getByLabel(labels.email).fill(`${randomUUID()}@example.test`);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}`));
  await expect(page.locator('.account-name')).toHaveText(name);
  const close = async (allowed: RegExp[] = []) => {
    await context.close();
    expect(
      errors.filter((error) => !allowed.some((pattern) => pattern.test(error))),
      `console errors of ${name}`,
    ).toEqual([]);
  };
  return { context, page, close };
}

test('a reader marks a claim in the Chinese, finds it on the English, and another reader sees only what is shared', async ({ browser }) => {
  test.slow(); // two readers signed up in browsers, and 22–27 s of steps on a 2-core machine
  const ada = await signUpInBrowser(browser, 'Ada');
  const page = ada.page;

  // A shared claim on the Chinese slip.
  await select(page, 'zh', 'p06-s1', '美国科技四巨头2025年资本支出总额将超过3200万美元');
  await page.getByRole('toolbar', { name: '为所选文字添加批注' }).getByRole('button', { name: '论断' }).click();
  const editor = page.locator('.note-editor');
  await editor.getByLabel('判断').selectOption('false');
  await editor.getByLabel('笔记（支持 Markdown）').fill('应为 **3200亿美元**：四家数字相加超过3200亿。');
  await editor.getByLabel('公开').check();
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.note-card')).toContainText('应为 3200亿美元');
  await expect(page.locator('.note-card .note-verdict')).toHaveText('不实');
  await expect.poll(() => highlightState(page, 'note-claim', 'zh', 'p06-s1')).toEqual({ size: 1, inSentence: true });

  // A private highlight too.
  await select(page, 'zh', 'p02-s2', '仅用2048张英伟达H800芯片');
  await page.getByRole('toolbar').getByRole('button', { name: '划线' }).click();
  await expect.poll(() => highlightState(page, 'note-yellow', 'zh', 'p02-s2')).toEqual({ size: 1, inSentence: true });
  await expect(page.getByRole('button', { name: '笔记（2）' })).toBeVisible();

  // In English, the aligned sentence carries the mark.
  await page.getByRole('navigation', { name: '阅读模式' }).getByRole('link', { name: '英文' }).click();
  await expect.poll(() => highlightState(page, 'note-aligned', 'en', 'p06-s1')).toMatchObject({ inSentence: true });

  // A second reader sees the shared claim, not the private highlight.
  const bo = await signUpInBrowser(browser, 'Bo');
  await expect(bo.page.getByRole('button', { name: '笔记（1）' })).toBeVisible();
  await bo.page.getByRole('button', { name: '笔记（1）' }).click();
  await expect(bo.page.locator('.note-card')).toHaveCount(1);
  await expect(bo.page.locator('.note-card')).toContainText('3200亿美元');
  await expect(bo.page.locator('.note-card').getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect.poll(() => highlightState(bo.page, 'note-yellow', 'zh', 'p02-s2')).toEqual({ size: 0, inSentence: false });

  await ada.close();
  await bo.close();
});

test('a note being written survives a reload', async ({ browser }) => {
  const { page, close } = await signUpInBrowser(browser, 'Cy');
  await select(page, 'zh', 'p16-s5', '英伟达股价133.6亿美元');
  await page.getByRole('toolbar').getByRole('button', { name: '提问' }).click();
  await page.locator('.note-editor').getByLabel('笔记（支持 Markdown）').fill('是每股133.6美元吗？');
  await page.reload();
  const editor = page.locator('.note-editor');
  await expect(editor.getByText('已恢复你尚未保存的笔记。')).toBeVisible();
  await expect(editor.getByLabel('笔记（支持 Markdown）')).toHaveValue('是每股133.6美元吗？');
  await expect(editor.getByLabel('提问')).toBeChecked();
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.note-card')).toContainText('是每股133.6美元吗？');
  await close();
});

test('a failed save keeps the note and retries on request', async ({ browser }) => {
  const { page, close } = await signUpInBrowser(browser, 'Di');
  await select(page, 'zh', 'p03-s1', '仍坚持“大力出奇迹”');
  await page.getByRole('toolbar').getByRole('button', { name: '评论' }).click();
  await page.locator('.note-editor').getByLabel('笔记（支持 Markdown）').fill('Scale first.');
  await page.route('**/api/articles/*/annotations', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.locator('.note-editor').getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.note-editor [role="alert"]')).toContainText('网络连接中断');
  await page.unroute('**/api/articles/*/annotations');
  await page.locator('.note-editor').getByRole('button', { name: '重试' }).click();
  await expect(page.locator('.note-card')).toContainText('Scale first.');
  await close([/ERR_INTERNET_DISCONNECTED/]); // the save this test cuts off on purpose
});

test('signed-out readers are invited to sign in when they select text', async ({ page }) => {
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await expect(page.getByRole('button', { name: /笔记（\d+）/ })).toBeVisible();
  // Selected again until the layer, once hydrated and knowing the reader is signed out, offers its toolbar.
  await expect(async () => {
    await select(page, 'zh', 'p01-s1', '是否有必要');
    await expect(page.getByRole('toolbar').getByRole('link', { name: '登录后可划线和写笔记' })).toBeVisible({ timeout: 500 });
  }).toPass();
});

test('the toolbar works from the keyboard: Tab reaches it after a selection', async ({ browser }) => {
  const { page, close } = await signUpInBrowser(browser, 'Ed');
  await select(page, 'en', 'p02-s2', 'using only 2,048 Nvidia H800 chips');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('toolbar').getByRole('button', { name: '划线' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('toolbar').getByRole('button', { name: '评论' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.note-editor blockquote')).toHaveText('using only 2,048 Nvidia H800 chips');
  await close();
});

test('a link to #annotation-<id> lands on the passage and opens its note', async ({ browser, page }) => {
  const writer = await signUpInBrowser(browser, 'Ga');
  await select(writer.page, 'zh', 'p31-s5', '合计资本支出总额将超过3200亿美元');
  await writer.page.getByRole('toolbar').getByRole('button', { name: '评论' }).click();
  await writer.page.locator('.note-editor').getByLabel('笔记（支持 Markdown）').fill('这里写对了：3200亿。');
  await writer.page.locator('.note-editor').getByLabel('公开').check();
  await writer.page.locator('.note-editor').getByRole('button', { name: '保存' }).click();
  const card = writer.page.locator('.note-card');
  await expect(card).toContainText('这里写对了');
  const id = (await card.getAttribute('id'))!.replace(/^note-/, '');
  await writer.close();

  // Another reader, signed out, follows the link.
  await page.goto(`/zh/articles/${slug}?view=zh#annotation-${id}`);
  await expect(page.locator(`#note-${id}`)).toContainText('这里写对了');
  const box = await page.locator('.block[data-lang="zh"] [data-sid="p31-s5"]').boundingBox();
  expect(box!.y).toBeGreaterThan(0);
  expect(box!.y).toBeLessThan(page.viewportSize()!.height);
  await expect.poll(() => highlightState(page, 'note-active', 'zh', 'p31-s5')).toMatchObject({ inSentence: true });
});
