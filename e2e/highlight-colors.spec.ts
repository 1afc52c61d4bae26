import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { annotationBody } from './api/api-fixtures';
import { expect, slug, test, uniqueWord } from './readers';
import { highlightState, select } from './selection';

// Issue 13, beyond: four highlight colours, each with a name the reader can rename; colour is never
// the only cue (the name shows beside it, and the kind has a line of its own under the colour).

/** Every ::highlight() rule the page's styles hold, in its stylesheets and in those it adopted. */
const highlightSelectors = (page: Page) =>
  page.evaluate(() =>
    [...document.styleSheets, ...document.adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .flatMap((rule) => (rule instanceof CSSStyleRule && rule.selectorText.includes('::highlight') ? [rule.selectorText] : [])),
  );

test('a page with nothing painted holds no highlight rules: each costs every element its style (decision 010)', async ({ page }) => {
  // Signed out, and whatever other tests shared kept away: the discussion marks have nothing to paint.
  await page.route('**/api/articles/*/summary*', async (route) => {
    const summary = await (await route.fetch()).json();
    const none = { notes: 0, verdicts: { supported: 0, disputed: 0, false: 0, unverified: 0 } };
    await route.fulfill({ json: { ...summary, totals: none, sentences: {} } });
  });
  await page.goto(`/en/articles/${slug}?view=en`);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('annotations:load').length)).toBe(1);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  expect(await highlightSelectors(page)).toEqual([]);
});

test('en, wide: a comment takes its kind colour, the reader picks another, renames it, and the name follows the account', async ({
  newReader,
}) => {
  test.slow(); // axe over the whole article
  const reader = await newReader('Colour Ann');
  const { page } = reader;
  await page.goto(`/en/articles/${slug}?view=en`);
  await select(page, 'en', 'p03-s1', 'brute force');
  await page.getByRole('toolbar').getByRole('button', { name: 'Comment' }).click();
  const editor = page.locator('.note-editor');
  const colours = editor.getByRole('group', { name: 'Colour' });
  await expect(colours.getByRole('radio', { name: 'Blue' })).toBeChecked();
  await colours.getByRole('radio', { name: 'Pink' }).check();
  await editor.getByLabel('Note (Markdown)').fill('Scale first.');
  await editor.getByRole('button', { name: 'Save' }).click();

  // Painted pink, with the comment's line under it; the card names the colour.
  await expect.poll(() => highlightState(page, 'note-pink', 'en', 'p03-s1')).toMatchObject({ inSentence: true });
  expect(await highlightState(page, 'note-comment', 'en', 'p03-s1')).toMatchObject({ inSentence: true });
  expect(await highlightState(page, 'note-blue', 'en', 'p03-s1')).toMatchObject({ inSentence: false });
  // Its rules came with the first paint (lib/site/highlight-styles.ts), as Chromium parsed them.
  expect(await highlightSelectors(page)).toEqual(expect.arrayContaining(['::highlight(note-pink)', '::highlight(note-comment)']));
  const card = page.locator('.note-card').filter({ hasText: 'Scale first.' });
  await expect(card.locator('.note-color')).toHaveText('Pink');

  // Renamed in the notes list; the card and the editor use the new name.
  await page.locator('.note-panel-header').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /Notes \(\d+\)/ }).click();
  await page.getByText('Name your colours').click();
  await page.getByRole('textbox', { name: 'Name for Pink' }).fill('To check');
  await page.getByRole('button', { name: 'Save names' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Names saved.' })).toBeVisible();
  await expect(card.locator('.note-color')).toHaveText('To check');
  // The editor with its colours and the list with the names open: nothing serious for assistive tech.
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // Another device (a new page with the same account) shows the same name.
  const other = await reader.context.newPage();
  await other.setViewportSize({ width: 390, height: 844 });
  await other.goto(`/zh/articles/${slug}?view=en`);
  await other.getByRole('button', { name: /笔记（\d+）/ }).click();
  await expect(other.locator('.note-card').filter({ hasText: 'Scale first.' }).locator('.note-color')).toHaveText('To check');
  await other.locator('.note-card').filter({ hasText: 'Scale first.' }).getByRole('button', { name: '编辑' }).click();
  const otherColours = other.locator('.note-editor').getByRole('group', { name: '颜色' });
  await expect(otherColours.getByRole('radio', { name: 'To check' })).toBeChecked();
  await expect(otherColours.getByRole('radio', { name: '黄色' })).not.toBeChecked();
  await other.close();
});

test('zh, phone, dark: the legend draws the colours and the kinds’ lines; others never see my colour or its name', async ({
  newReader,
}) => {
  const word = uniqueWord();
  const author = await newReader('Colour Bo');
  await author.api.put('/api/me/highlight-names', { data: { purple: '我的私人分类' } });
  const shared = await author.api.post(`/api/articles/${slug}/annotations`, {
    data: annotationBody('zh', '仍坚持“大力出奇迹”', {
      kind: 'question',
      color: 'purple',
      visibility: 'shared',
      body: `真的吗？${word}`,
    }),
  });
  expect(shared.status()).toBe(201);

  const reader = await newReader('Colour Cy', { phone: true });
  const { page } = reader;
  await page.emulateMedia({ colorScheme: 'dark' });
  // Opened by its link (the sentence is a busy one: its first page may be other tests' notes).
  const { id } = await shared.json();
  await page.goto(`/zh/articles/${slug}?view=zh#annotation-${id}`);
  const card = page.locator('.note-card').filter({ hasText: word });
  await expect(card).toBeVisible();
  await expect(card.locator('.note-color')).toHaveCount(0);
  await expect(card).not.toContainText('我的私人分类');
  // Painted as another reader's note, not in the author's colour.
  expect(await highlightState(page, 'note-purple', 'zh', 'p03-s1')).toMatchObject({ inSentence: false });

  await page.locator('.note-panel-header').getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: /笔记（\d+）/ }).click();
  await page.getByText('标记说明').click();
  const legend = page.locator('.paint-legend');
  await expect(legend).toContainText('你的笔记，用你选的颜色');
  await expect(legend).toContainText('波浪线：你的提问');
  const wavy = await legend.locator('.swatch-question').evaluate((swatch) => getComputedStyle(swatch).textDecorationStyle);
  expect(wavy).toBe('wavy');
});
