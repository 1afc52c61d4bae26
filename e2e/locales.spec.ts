import { articleText, expect, slug, test } from './fixtures';

for (const [browserLocale, expected] of [
  ['zh-CN', 'zh'],
  ['en-GB', 'en'],
  ['fr-FR', 'zh'],
] as const) {
  test(`the root sends a ${browserLocale} browser to /${expected}`, async ({ browser }) => {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`/${expected}$`));
    await context.close();
  });
}

for (const [locale, heading, lang, other] of [
  ['zh', '文章', 'zh-Hans', 'English'],
  ['en', 'Articles', 'en', '中文'],
] as const) {
  test(`the ${locale} index lists the article in that interface language`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const title = articleText(locale).meta.title;
    const site = locale === 'zh' ? '双语读刊' : 'Bilingual Reader';
    await expect(page).toHaveTitle(new RegExp(site));
    await page.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/articles/${slug}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveTitle(`${title} · ${site}`);
    await expect(
      page.getByRole('navigation', { name: locale === 'zh' ? '界面语言' : 'Interface language' }).getByRole('link', { name: other }),
    ).toBeVisible();
  });
}

test('switching the interface language keeps the article and the reading view', async ({ page }) => {
  await page.goto(`/zh/articles/${slug}?view=bilingual`);
  await page.getByRole('navigation', { name: '界面语言' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/articles/${slug}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Reading mode' }).getByRole('link', { name: 'Bilingual' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(page.getByRole('heading', { level: 1, name: articleText('zh').meta.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: articleText('en').meta.title })).toBeVisible();
});

test.describe('missing pages', () => {
  // The browser logs the 404 of the page itself; nothing else may fail.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  for (const [path, title] of [
    ['/zh/no-such-page', '找不到这个页面'],
    ['/en/no-such-page', 'Page not found'],
    ['/en/articles/no-such-article', 'Page not found'],
  ] as const) {
    test(`${path} answers 404 in its language`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    });
  }
});

test('the interface language and the reading view are told apart by name, in both interface languages', async ({ page }) => {
  for (const [locale, reading, interfaceName, caption] of [
    ['en', 'English', 'English interface', 'Interface'],
    ['zh', '中文', '中文界面', '界面'],
  ] as const) {
    await page.goto(`/${locale}/articles/${slug}`);
    // Seen as well as heard: the interface links sit under a visible caption of their own.
    await expect(page.locator('.locale-switcher .locale-caption')).toHaveText(caption);
    await expect(page.locator('.locale-switcher .locale-caption')).toBeVisible();
    // One control named for the reading view, one for the interface: never two with the same name.
    await expect(page.getByRole('link', { name: reading, exact: true })).toHaveCount(1);
    await expect(page.getByRole('link', { name: interfaceName, exact: true })).toHaveCount(1);
    await expect(page.locator('.locale-switcher').getByRole('link', { name: interfaceName, exact: true })).toBeVisible();
  }
});
