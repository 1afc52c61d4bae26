import AxeBuilder from '@axe-core/playwright';
import { annotationBody } from './api/api-fixtures';
import { expect, remoteImages, slug, test } from './fixtures';

const pages = [
  '/zh',
  '/en',
  ...['zh', 'en'].flatMap((locale) => ['zh', 'en', 'bilingual'].map((view) => `/${locale}/articles/${slug}?view=${view}`)),
];

for (const path of pages) {
  test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
    expect(serious).toEqual([]);
  });
}

test('axe finds no serious or critical violation with the notes panel and the note editor open', async ({ browser }) => {
  // Two axe runs over the whole article (each some seconds on a busy machine), and a sign-up.
  test.slow();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.route(remoteImages, (route) => route.abort());
  await page.goto('/en/sign-up');
  await page.getByLabel('Display name').fill('Axe');
  await page.getByLabel('Email').fill(`axe-${Date.now()}@example.test`);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL(/\/en$/);
  await page.goto(`/en/articles/${slug}?view=bilingual`);
  await page.locator('.block[data-lang="en"] [data-sid="p01-s1"]').evaluate((span) => {
    const text = span.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 10);
    getSelection()!.addRange(range);
  });
  await page.getByRole('toolbar').getByRole('button', { name: 'Comment' }).click();
  await expect(page.locator('.note-editor')).toBeVisible();
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  expect(await serious()).toEqual([]);
  // A kept draft: the "kept" notice and the drafts in the panel.
  await page.getByLabel('Note (Markdown)').fill('A draft');
  await page.getByLabel('Note (Markdown)').press('Escape');
  await page.getByRole('button', { name: /1 draft/ }).click();
  await expect(page.getByRole('region', { name: 'Drafts' })).toBeVisible();
  await expect(page.getByRole('status')).toBeVisible();
  expect(await serious()).toEqual([]);
  await context.close();
});

test('axe finds no serious or critical violation in the reader states issue 13 added', async ({ browser }) => {
  // Several axe runs over the whole article.
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route(remoteImages, (route) => route.abort());
  const serious = async (state: string) =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${state}: ${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  await page.goto('/zh/sign-up');
  await page.getByLabel('显示名称').fill('Axe Two');
  await page.getByLabel('电子邮箱').fill(`axe2-${Date.now()}@example.test`);
  await page.getByLabel('密码', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: '注册' }).click();
  await page.waitForURL(/\/zh$/);
  const created = await page.request.post(`/api/articles/${slug}/annotations`, {
    data: annotationBody('zh', '仅用2048张英伟达H800芯片', { body: 'axe' }),
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  // A note opened by its link, the passage lit.
  await page.goto(`/zh/articles/${slug}?view=bilingual#annotation-${id}`);
  await expect(page.locator(`#note-${id}`)).toBeVisible();
  const found = await serious('linked note');
  // The list following the reader, with the paint choice and its legend open.
  await page.locator('.note-panel-header button').click();
  await page.locator('.notes-button').click();
  await page.getByText('标记说明').click();
  found.push(...(await serious('notes list')));
  // The keyboard shortcuts dialog.
  await page.locator('.note-panel-header button').click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  found.push(...(await serious('shortcuts')));
  expect(found).toEqual([]);
  await context.close();
});
