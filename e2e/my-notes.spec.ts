import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createNote, expect, flagNote, moderateNote, sidewaysOverflow, slug, test, uniqueWord } from './readers';

/** One note of the list, found by its id (its text may change during a test). */
const myNote = (page: Page, id: string) => page.locator('.my-note').filter({ has: page.locator(`#note-${id}`) });

test('My notes lists a reader’s private and shared notes, and sharing one shows it to other readers', async ({ newReader }) => {
  const word = uniqueWord();
  const ada = await newReader('Ada', { phone: true });
  const secret = await createNote(ada, 'zh', '英伟达几乎是垄断者', { body: `${word} 先私密后公开`, tags: [word] });
  const claim = await createNote(ada, 'en', 'Nvidia', {
    kind: 'claim',
    verdict: 'disputed',
    body: `${word} shared claim`,
    visibility: 'shared',
  });

  const page = ada.page;
  await page.goto('/zh');
  await page.getByRole('banner').getByRole('link', { name: '我的笔记' }).click();
  await expect(page).toHaveURL(/\/zh\/my-notes$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的笔记' })).toBeVisible();
  await expect(page.locator('.my-note')).toHaveCount(2);
  await expect(page.locator('.my-notes-summary')).toHaveText('共 2 条笔记：1 条公开，1 条仅自己可见');
  // Grouped by article: the one article is a heading that links to it.
  await expect(page.getByRole('heading', { level: 2 }).getByRole('link')).toHaveAttribute('href', `/zh/articles/${slug}`);

  const mine = myNote(page, secret.id);
  await expect(mine.locator('.note-visibility')).toHaveText('仅自己可见');
  await expect(mine.locator('.note-aligned')).not.toBeEmpty();
  await expect(mine.getByRole('link', { name: '在文章中查看' })).toHaveAttribute('href', `/zh/articles/${slug}#annotation-${secret.id}`);
  await expect(myNote(page, claim.id).locator('.note-visibility')).toHaveText('公开');
  await expect(myNote(page, claim.id).locator('.note-verdict')).toHaveText('有争议');
  expect(await sidewaysOverflow(page)).toBe(0);
  // The reader's own notes export from here.
  // Markdown to read, in the page's language: each note names its article and links to its place in it (issue 13, item 8).
  await expect(page.getByRole('link', { name: 'Markdown' })).toHaveAttribute('href', '/api/me/annotations/export?format=md&lang=zh');
  const markdown = await (await page.request.get('/api/me/annotations/export?format=md&lang=zh')).text();
  expect(markdown).toContain(`${word} 先私密后公开`);
  expect(markdown).toMatch(/^# .+的笔记\n/);
  expect(markdown).toMatch(new RegExp(`文章：\\[DeepSeek将拉低算力总需求？[^\\]]*\\]\\(<https?://[^>]+/zh/articles/${slug}>\\)`));
  expect(markdown).toMatch(new RegExp(`\\[在文中查看\\]\\(<https?://[^>]+/zh/articles/${slug}#annotation-${secret.id}>\\)`));
  expect(markdown).toContain('仅自己可见');

  // The review page's filters, plus visibility; the filtered view is in the URL.
  await page.getByLabel('可见范围').selectOption('private');
  await expect(page.locator('.my-note')).toHaveCount(1);
  await expect(mine).toBeVisible();
  await expect(page).toHaveURL(/visibility=private/);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('搜索笔记和引文').fill('shared claim');
  await expect(page.locator('.my-note')).toHaveCount(1);
  await expect(myNote(page, claim.id)).toBeVisible();
  await page.getByLabel('搜索笔记和引文').fill('');
  await page.getByLabel('类型').selectOption('claim');
  await expect(page.locator('.my-note')).toHaveCount(1);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.locator('.my-note')).toHaveCount(2);

  // Another reader sees only the shared note on the review page.
  const bo = await newReader('Bo');
  const review = `/zh/articles/${slug}/review?q=${word}`;
  await bo.page.goto(review);
  await expect(bo.page.locator('.review-matches')).toHaveText('显示 1 条中的 1 条');
  await expect(bo.page.locator('.review-list')).not.toContainText('先私密后公开');

  // One click shares the private note...
  await mine.getByRole('button', { name: '设为公开' }).click();
  await expect(mine.getByText('已公开，其他读者现在可以看到这条笔记。')).toBeVisible();
  await expect(mine.locator('.note-visibility')).toHaveText('公开');
  await expect(page.locator('.my-notes-summary')).toHaveText('共 2 条笔记：2 条公开，0 条仅自己可见');
  // Sharing is not an edit: the card still says when the note was written, and not "edited".
  await expect(mine.locator('.note-card-footer time').first()).toHaveAttribute('datetime', secret.createdAt);
  await expect(mine.locator('.note-edited')).toHaveCount(0);
  await bo.page.goto(review);
  await expect(bo.page.locator('.review-matches')).toHaveText('显示 2 条中的 2 条');
  await expect(bo.page.locator('.review-list')).toContainText('先私密后公开');

  // ...and another makes it private again.
  await mine.getByRole('button', { name: '改为仅自己可见' }).click();
  await expect(mine.getByText('已改为仅自己可见。')).toBeVisible();
  await expect(mine.locator('.note-visibility')).toHaveText('仅自己可见');
  await bo.page.goto(review);
  await expect(bo.page.locator('.review-matches')).toHaveText('显示 1 条中的 1 条');
  await expect(bo.page.locator('.review-list')).not.toContainText('先私密后公开');
});

test('when the note changed elsewhere, the switch shows the server’s message and the latest version; the next click works', async ({
  newReader,
}) => {
  const word = uniqueWord();
  const cy = await newReader('Cy', { allowedConsoleErrors: [/status of 409/] });
  const note = await createNote(cy, 'en', 'Nvidia', { body: `${word} first thoughts` });
  await cy.page.goto('/en/my-notes');
  const item = myNote(cy.page, note.id);
  await expect(item).toContainText(`${word} first thoughts`);

  // Edited in another tab after this page loaded: the page's version is stale.
  const edit = await cy.api.patch(`/api/annotations/${note.id}`, { data: { body: `${word} second thoughts` } });
  expect(edit.status(), await edit.text()).toBe(200);

  await item.getByRole('button', { name: 'Share' }).click();
  await expect(item.getByRole('alert')).toContainText('This note was changed elsewhere');
  await expect(item.locator('.note-body')).toContainText(`${word} second thoughts`);
  await expect(item.locator('.note-visibility')).toHaveText('Only me');

  await item.getByRole('button', { name: 'Share' }).click();
  await expect(item.locator('.note-visibility')).toHaveText('Shared');
  await expect(item.getByRole('alert')).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Make private' })).toBeVisible();
});

test('the author of a note a moderator hid is told so in My notes, with the reason', async ({ newReader }) => {
  test.slow(); // promoting a moderator runs a script
  const word = uniqueWord();
  const author = await newReader('Di');
  const reporter = await newReader('Ed');
  const moderator = await newReader('Mo', { moderator: true });
  const note = await createNote(author, 'en', 'Nvidia', { visibility: 'shared', body: `${word} cheap GPUs at example.test` });
  await createNote(author, 'zh', '英伟达几乎是垄断者', { body: `${word} a private note` });
  await flagNote(reporter, note.id, 'advertising');
  await moderateNote(moderator, note.id, 'hide', 'Advertising is not allowed here');

  const page = author.page;
  await page.goto('/en/my-notes');
  const item = myNote(page, note.id);
  const notice = item.getByRole('note');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('A moderator hid this note from other readers.');
  await expect(notice).toContainText('Reason: Advertising is not allowed here');
  await expect(page.locator('.my-notes-hidden-summary')).toHaveText(
    '1 of your notes was hidden from other readers by a moderator; the reason is shown on the note.',
  );

  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test.describe('signed out', () => {
  // The page asks the API, which answers 401; Chromium logs that response.
  test.use({ allowedConsoleErrors: [/status of 401/] });

  test('My notes asks to sign in and comes back after, in both languages', async ({ page }) => {
    await page.goto('/en/my-notes');
    await expect(page.getByRole('heading', { level: 1, name: 'My notes' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      `/en/sign-in?next=${encodeURIComponent('/en/my-notes')}`,
    );
    await expect(page).toHaveTitle(/My notes/);

    await page.goto('/zh/my-notes');
    await expect(page.getByRole('heading', { level: 1, name: '我的笔记' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: '登录' })).toHaveAttribute(
      'href',
      `/zh/sign-in?next=${encodeURIComponent('/zh/my-notes')}`,
    );
    await expect(page.getByRole('banner').getByRole('link', { name: '我的笔记' })).toHaveCount(0);
  });
});
