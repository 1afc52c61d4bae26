import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createNote, expect, slug, test } from './readers';
import { highlightState } from './selection';
import { discussionPainted, notesAnchored } from './page-state';

// Issue 13, item 4: readers choose what is painted over the article (mine / everyone's / none),
// remembered; other readers' notes are fainter than one's own; a legend explains the marks.

/** Whether a sentence has a discussion mark (its data-discussion, discussion.ts). */
const discussionMarked = (page: Page, lang: 'zh' | 'en', sentence: string) =>
  page
    .locator(`.block[data-lang="${lang}"] [data-sid="${sentence}"]`)
    .first()
    .getAttribute('data-discussion')
    .then((level) => level !== null);

/** Whether anything at all is painted in a sentence, other than what the reader has lit. */
const anythingPainted = async (page: Page, lang: 'zh' | 'en', sentence: string) => {
  const names = [
    'note-yellow',
    'note-blue',
    'note-purple',
    'note-pink',
    'note-comment',
    'note-question',
    'note-claim',
    'note-others',
    'note-aligned',
  ];
  const states = await Promise.all(names.map((name) => highlightState(page, name, lang, sentence)));
  return states.some((s) => s.inSentence) || (await discussionMarked(page, lang, sentence));
};

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);

test('zh, wide, dark: my notes by default, everyone’s fainter on request, and a legend', async ({ newReader }) => {
  test.slow(); // two readers, and axe over the whole article
  const other = await newReader('Paint Na');
  await createNote(other, 'zh', '仍坚持“大力出奇迹”', { visibility: 'shared', body: '别人的笔记' });
  const reader = await newReader('Paint Ou');
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片', { body: '我的笔记' });
  const { page } = reader;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/zh/articles/${slug}?view=zh`);

  // By default: the reader's own notes, and only a mark where others discuss.
  await expect.poll(() => highlightState(page, 'note-comment', 'zh', 'p02-s2')).toMatchObject({ inSentence: true });
  await expect.poll(() => discussionMarked(page, 'zh', 'p03-s1')).toBe(true);
  expect(await highlightState(page, 'note-others', 'zh', 'p03-s1')).toMatchObject({ inSentence: false });

  // Everyone's: the other reader's note is painted, in the fainter colour.
  await page.getByRole('button', { name: /笔记（\d+）/ }).click();
  const choice = page.getByRole('group', { name: '文中显示' });
  await expect(choice.getByRole('radio', { name: '我的笔记' })).toBeChecked();
  await choice.getByRole('radio', { name: '所有人的' }).check();
  await page.locator('.note-panel-header').getByRole('button', { name: '关闭' }).click();
  // (Past 200 shared notes the article loads a sentence's notes when it is opened.)
  await page.locator('.block[data-lang="zh"] [data-sid="p03-s1"]').click();
  await expect.poll(() => highlightState(page, 'note-others', 'zh', 'p03-s1')).toMatchObject({ inSentence: true });
  expect(await highlightState(page, 'note-comment', 'zh', 'p02-s2')).toMatchObject({ inSentence: true });

  // The legend says what each mark means.
  await page.locator('.note-panel-header').getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: /笔记（\d+）/ }).click();
  await page.getByText('标记说明').click();
  await expect(page.locator('.paint-legend')).toContainText('其他读者的笔记');
  await expect(page.locator('.paint-legend')).toContainText('点线：有读者讨论这句');
  expect(await seriousViolations(page)).toEqual([]);
});

test('zh, wide: none paints nothing at all, and is remembered', async ({ newReader }) => {
  const other = await newReader('Paint Qi');
  await createNote(other, 'zh', '仍坚持“大力出奇迹”', { visibility: 'shared', body: '别人的笔记' });
  const reader = await newReader('Paint Ru');
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片', { body: '我的笔记' });
  const { page } = reader;
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await expect.poll(() => highlightState(page, 'note-comment', 'zh', 'p02-s2')).toMatchObject({ inSentence: true });
  await page.getByRole('button', { name: /笔记（\d+）/ }).click();
  const choice = page.getByRole('group', { name: '文中显示' });
  await choice.getByRole('radio', { name: '不显示' }).check();
  await expect.poll(() => anythingPainted(page, 'zh', 'p02-s2')).toBe(false);
  await expect.poll(() => anythingPainted(page, 'zh', 'p03-s1')).toBe(false);
  await page.reload();
  await page.getByRole('button', { name: /笔记（\d+）/ }).click();
  await expect(page.getByRole('group', { name: '文中显示' }).getByRole('radio', { name: '不显示' })).toBeChecked();
  await notesAnchored(page);
  await discussionPainted(page);
  expect(await anythingPainted(page, 'zh', 'p02-s2')).toBe(false);
  expect(await anythingPainted(page, 'zh', 'p03-s1')).toBe(false);
});

test('en, phone, signed out: discussion marks or nothing, remembered', async ({ newReader, page }) => {
  test.slow(); // axe over the whole article
  const other = await newReader('Paint Pi');
  await createNote(other, 'en', 'Nvidia has been the biggest beneficiary', { visibility: 'shared', body: 'Shared.' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/en/articles/${slug}?view=en`);
  await expect.poll(() => discussionMarked(page, 'en', 'p01-s4')).toBe(true);
  await page.getByRole('button', { name: /Notes \(\d+\)/ }).click();
  const choice = page.getByRole('group', { name: 'Show on the text' });
  await expect(choice.getByRole('radio', { name: 'Discussion marks' })).toBeChecked();
  await choice.getByRole('radio', { name: 'None' }).check();
  await expect.poll(() => discussionMarked(page, 'en', 'p01-s4')).toBe(false);
  await page.reload();
  await discussionPainted(page);
  expect(await discussionMarked(page, 'en', 'p01-s4')).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
});
