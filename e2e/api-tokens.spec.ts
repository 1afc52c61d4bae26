import AxeBuilder from '@axe-core/playwright';
import { password } from './api/api-fixtures';
import { expect, sidewaysOverflow, test } from './readers';

test('a reader makes an API token on the Account page, sees it once, uses it and revokes it, in both languages', async ({
  newReader,
  baseURL,
}) => {
  const ada = await newReader('Ada', { phone: true });
  const { page } = ada;
  await page.goto('/zh/articles/deepseek-capex');
  await page.locator('.account-name').click();
  await expect(page).toHaveURL(/\/zh\/account$/);
  await expect(page.getByRole('heading', { name: 'API 令牌' })).toBeVisible();
  await expect(page.getByText('你还没有令牌。')).toBeVisible();

  await page.getByLabel('名称').fill('研究脚本');
  await page.getByRole('radio', { name: /读写/ }).check();
  await page.getByLabel('你的密码（确认是你本人）').fill(password);
  await page.getByRole('button', { name: '创建令牌' }).click();
  const token = (await page.getByLabel('新令牌').textContent())!;
  expect(token).toMatch(/^rdr_/);
  await expect(page.locator('.token-example')).toContainText(`${baseURL}/api/w3c/deepseek-capex/`);
  await expect(page.locator('.token-item')).toHaveCount(1);
  await expect(page.locator('.token-item')).toContainText('读写');
  expect(await sidewaysOverflow(page)).toBe(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The token works for a script, and the list never shows it again.
  const session = await page.request.get('/api/session', { headers: { Authorization: `Bearer ${token}` } });
  expect((await session.json()).viewer.id).toBe(ada.id);
  await page.goto('/en/account');
  await expect(page.locator('.token-item')).toContainText('研究脚本');
  await expect(page.locator('.token-item')).toContainText('read and write');
  expect(await page.content()).not.toContain(token);

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Revoke the token “研究脚本”' }).click();
  await expect(page.getByText('You have no tokens.')).toBeVisible();
  const after = await page.request.get('/api/session', { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test('signed out, the Account page offers to sign in and come back', async ({ page }) => {
  await page.goto('/en/account');
  await expect(page.getByRole('link', { name: 'Sign in to manage your API tokens.' })).toHaveAttribute(
    'href',
    `/en/sign-in?next=${encodeURIComponent('/en/account')}`,
  );
});
