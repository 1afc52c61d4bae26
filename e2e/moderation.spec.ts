import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createNote, expect, flagNote, sidewaysOverflow, slug, test, uniqueWord } from './readers';

/** One note of the queue, found by its id (other tests fill the same queue at the same time). */
const queued = (page: Page, id: string) => page.locator('.moderation-item').filter({ has: page.locator(`#note-${id}`) });

test('a moderator hides a flagged note from the queue: other readers no longer see it, its author sees why; restoring brings it back', async ({
  newReader,
}) => {
  test.slow(); // four readers, and promoting the moderator runs a script
  const word = uniqueWord();
  const author = await newReader('Fa');
  const reporter = await newReader('Gu');
  const note = await createNote(author, 'zh', '英伟达几乎是垄断者', { visibility: 'shared', body: `${word} 低价出售显卡，请加微信` });
  await flagNote(reporter, note.id, '这是广告');

  // Before: another reader finds it on the review page.
  const review = `/zh/articles/${slug}/review?q=${word}`;
  await reporter.page.goto(review);
  await expect(reporter.page.locator('.review-matches')).toHaveText('显示 1 条中的 1 条');

  const moderator = await newReader('Mo', { moderator: true, phone: true });
  const page = moderator.page;
  await page.goto('/zh');
  await page.getByRole('banner').getByRole('link', { name: '审核' }).click();
  await expect(page).toHaveURL(/\/zh\/moderation$/);
  await expect(page.getByRole('heading', { level: 1, name: '审核' })).toBeVisible();
  await expect(page.getByRole('button', { name: '待处理的举报' })).toHaveAttribute('aria-pressed', 'true');
  const item = queued(page, note.id);
  await expect(item).toContainText(`${word} 低价出售显卡`);
  await expect(item).toContainText('这是广告');
  await expect(item).toContainText('举报人：Gu');
  expect(await sidewaysOverflow(page)).toBe(0);

  await item.getByLabel('告知作者的原因（可选）').fill('禁止发布广告');
  await item.getByRole('button', { name: '隐藏', exact: true }).click();
  await expect(item).toHaveCount(0);
  await expect(page.locator('.moderation-notice')).toHaveText('已隐藏：现在只有作者能看到这条笔记，以及你填写的原因。');

  // Gone for other readers...
  await reporter.page.goto(review);
  await expect(reporter.page.locator('.review-matches')).toHaveText('没有匹配的笔记');
  // ...while its author is told why.
  await author.page.goto('/zh/my-notes');
  await expect(author.page.locator(`#note-${note.id}`).getByRole('note')).toContainText('原因：禁止发布广告');

  // The hidden notes: the reason, the flag (dealt with), and a way back.
  await page.getByRole('button', { name: '已隐藏的笔记' }).click();
  await expect(page).toHaveURL(/\/zh\/moderation\?status=hidden$/);
  const hidden = queued(page, note.id);
  await expect(hidden.getByRole('note')).toContainText('原因：禁止发布广告');
  await expect(hidden).toContainText('这是广告');
  await expect(hidden).toContainText('已处理');
  await hidden.getByRole('button', { name: '恢复显示' }).click();
  await expect(hidden).toHaveCount(0);
  await expect(page.locator('.moderation-notice')).toHaveText('已恢复：读者又能看到这条笔记了。');

  await reporter.page.goto(review);
  await expect(reporter.page.locator('.review-matches')).toHaveText('显示 1 条中的 1 条');
});

test('a moderator can dismiss the flags of a note that is fine: it leaves the queue and stays visible', async ({ newReader }) => {
  test.slow();
  const word = uniqueWord();
  const author = await newReader('Ha');
  const reporter = await newReader('Io');
  const note = await createNote(author, 'en', 'Nvidia', { visibility: 'shared', body: `${word} a perfectly fine note` });
  await flagNote(reporter, note.id, 'I disagree with it');

  const moderator = await newReader('Mo', { moderator: true });
  const page = moderator.page;
  await page.goto('/en/moderation');
  const item = queued(page, note.id);
  await expect(item).toContainText('I disagree with it');
  await expect(item).toContainText('flagged by Io');

  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  await item.getByRole('button', { name: 'Dismiss the flags' }).click();
  await expect(item).toHaveCount(0);
  await expect(page.locator('.moderation-notice')).toHaveText('Flags dismissed: the note stays visible.');
  await page.getByRole('button', { name: 'Hidden notes' }).click();
  await expect(page.getByRole('button', { name: 'Hidden notes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(queued(page, note.id)).toHaveCount(0);

  await reporter.page.goto(`/en/articles/${slug}/review?q=${word}`);
  await expect(reporter.page.locator('.review-matches')).toHaveText('Showing 1 of 1');
});

test('a reader who is not a moderator is refused, and sees no Moderation link', async ({ newReader }) => {
  // The API answers 403; Chromium logs that response.
  const reader = await newReader('Ju', { allowedConsoleErrors: [/status of 403/] });
  const page = reader.page;
  await page.goto('/en/moderation');
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
  await expect(page.getByText('Only moderators can see the moderation queue, and this account is not a moderator.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open flags' })).toHaveCount(0);
  await expect(page.locator('.moderation-item')).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('link', { name: 'My notes' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Moderation' })).toHaveCount(0);

  await page.goto('/zh/moderation');
  await expect(page.getByText('只有版主才能查看审核队列，当前账号不是版主。')).toBeVisible();
});

test.describe('signed out', () => {
  // The API answers 401; Chromium logs that response.
  test.use({ allowedConsoleErrors: [/status of 401/] });

  test('a signed-out visitor is asked to sign in', async ({ page }) => {
    await page.goto('/en/moderation');
    await expect(page.getByRole('main').getByText('This page is for moderators.')).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      `/en/sign-in?next=${encodeURIComponent('/en/moderation')}`,
    );
    await expect(page.locator('.moderation-item')).toHaveCount(0);
  });
});
