// The sign-up and sign-in forms say what went wrong in the reader's language, and a `next` that
// leads off the site after sign-in is ignored.
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';

const labels = {
  zh: { name: '显示名称', email: '电子邮箱', password: '密码', signUp: '注册', signIn: '登录' },
  en: { name: 'Display name', email: 'Email', password: 'Password', signUp: 'Sign up', signIn: 'Sign in' },
};

for (const locale of ['zh', 'en'] as const) {
  // The refused sign-up is a 400 the browser logs; the test is about what the reader is told.
  test.use({ allowedConsoleErrors: [/status of 400/] });
  test(`sign-up explains a weak password and a bad name (${locale})`, async ({ page }) => {
    const l = labels[locale];
    await page.goto(`/${locale}/sign-up`);
    await page.getByLabel(l.name).fill('Reader');
    await page.getByLabel(l.email).fill(`${randomUUID()}@example.test`);
    await page.getByLabel(l.password, { exact: true }).fill('1234567890');
    await page.getByRole('button', { name: l.signUp }).click();
    const alert = page.locator('#main').getByRole('alert');
    await expect(alert).toHaveText(
      locale === 'zh' ? '这是最常见的密码之一，请换一个。' : 'This password is one of the most common ones. Choose another.',
    );

    // Checked in the browser before anything is sent, in the same words the server would use.
    await page.getByLabel(l.name).fill('<b>Reader</b>');
    await page.getByRole('button', { name: l.signUp }).click();
    await expect(alert).toHaveText(locale === 'zh' ? '显示名称不能包含 < 或 >。' : 'A display name may not contain < or >.');

    await expect(page.getByText(locale === 'zh' ? '至少 10 个字符' : 'At least 10 characters')).toBeVisible();
  });
}

test('after sign-in, a next that leaves the site is ignored: the reader lands on the index', async ({ page, request, baseURL }) => {
  const email = `${randomUUID()}@example.test`;
  const password = 'correct horse battery';
  expect(
    (await request.post('/api/auth/sign-up/email', { data: { name: 'Nx', email, password }, headers: { Origin: baseURL! } })).status(),
  ).toBe(200);
  await page.goto(`/en/sign-in?next=${encodeURIComponent('/\t/evil.example')}`);
  await page.getByLabel(labels.en.email).fill(email);
  await page.getByLabel(labels.en.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.en.signIn }).click();
  await expect(page).toHaveURL(`${baseURL}/en`);
});

test('the browser’s own checks speak the page’s language, not the browser’s', async ({ browser }) => {
  // An English browser on the Chinese pages, and a Chinese one on the English pages.
  for (const [locale, browserLocale, expected] of [
    ['zh', 'en-US', { missing: '请填写这一项。', email: '请输入有效的电子邮箱地址。', short: '至少需要 10 个字符（现在是 5 个）。' }],
    [
      'en',
      'zh-CN',
      { missing: 'Please fill in this field.', email: 'Enter a valid email address.', short: 'Use at least 10 characters (you have 5).' },
    ],
  ] as const) {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    const l = labels[locale];
    await page.goto(`/${locale}/sign-up`);
    const message = (label: string) =>
      page.getByLabel(label, { exact: true }).evaluate((input: HTMLInputElement) => input.validationMessage);
    await page.getByRole('button', { name: l.signUp }).click();
    expect(await message(l.name)).toBe(expected.missing);
    await page.getByLabel(l.name, { exact: true }).fill('Ada');
    await page.getByLabel(l.email, { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: l.signUp }).click();
    expect(await message(l.email)).toBe(expected.email);
    await page.getByLabel(l.email, { exact: true }).fill(`ada-${randomUUID()}@example.com`);
    await page.getByLabel(l.password, { exact: true }).fill('short');
    await page.getByRole('button', { name: l.signUp }).click();
    expect(await message(l.password)).toBe(expected.short);
    await context.close();
  }
});

test('a password typed before the page is ready never ends up in the address', async ({ page }) => {
  // The page's scripts held back: the form is the server's HTML, not yet the app's.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/zh/sign-up', { waitUntil: 'commit' });
  await page.getByLabel('显示名称').fill('Early Bird');
  await page.getByLabel('电子邮箱').fill(`${randomUUID()}@example.test`);
  await page.getByLabel('密码', { exact: true }).fill('correct horse battery staple');
  // The server's form cannot be submitted until the app runs (its button waits for it), and would post if it were.
  await expect(page.getByRole('button', { name: '注册' })).toBeDisabled();
  await expect(page.locator('form.auth-form')).toHaveAttribute('method', 'post');
  const navigations: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) navigations.push(`${request.method()} ${request.url()}`);
  });
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByLabel('密码', { exact: true })).toHaveValue('correct horse battery staple');
  expect(navigations).toEqual([]);
  expect(page.url()).not.toContain('password');
  expect(page.url()).not.toContain('staple');
  release();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
