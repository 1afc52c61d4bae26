import type { Page } from '@playwright/test';
import { createNote, expect, slug, test } from './readers';
import { highlightState, passagePlacement } from './selection';

// Issue 13, item 2: a link to a note opens a view that shows the note's language, puts its passage
// in the part of the screen nothing covers, marks it and opens the note, on every view and width.

const cookieView = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'reader-view')?.value;

test('en, wide, English remembered: a link to a Chinese note shows both languages without changing what is remembered', async ({
  newReader,
}) => {
  const writer = await newReader('Link Ha');
  const note = await createNote(writer, 'zh', '合计资本支出总额将超过3200亿美元', {
    visibility: 'shared',
    body: 'Linked from the review page.',
  });
  const reader = await newReader('Link Io');
  const { page } = reader;
  await page.goto(`/en/articles/${slug}?view=en`);
  expect(await cookieView(page)).toBe('en');

  await page.goto(`/en/articles/${slug}#annotation-${note.id}`);
  await expect(page.locator(`#note-${note.id}`)).toContainText('Linked from the review page.');
  await expect(page.locator('.reader')).toHaveAttribute('data-view', 'bilingual');
  await expect.poll(() => passagePlacement(page, 'zh', 'p31-s5')).toMatchObject({ visible: true });
  await expect.poll(() => highlightState(page, 'note-active', 'zh', 'p31-s5')).toMatchObject({ inSentence: true });
  expect(await cookieView(page)).toBe('en');
});

test('zh, phone: the linked passage sits above the bottom sheet, in the Chinese view and in the English one', async ({ newReader }) => {
  const writer = await newReader('Link Jo');
  const zhNote = await createNote(writer, 'zh', '合计资本支出总额将超过3200亿美元', { visibility: 'shared', body: '手机上也看得到。' });
  const enNote = await createNote(writer, 'en', 'will exceed $320 billion, up about 30% year on year', {
    visibility: 'shared',
    body: 'Seen on a phone.',
  });
  const { page } = await newReader('Link Ku', { phone: true });

  await page.goto(`/zh/articles/${slug}?view=zh#annotation-${zhNote.id}`);
  await expect(page.locator(`#note-${zhNote.id}`)).toContainText('手机上也看得到。');
  await expect(page.locator('.reader')).toHaveAttribute('data-view', 'zh');
  await expect.poll(() => passagePlacement(page, 'zh', 'p31-s5')).toMatchObject({ visible: true });
  await expect.poll(() => highlightState(page, 'note-active', 'zh', 'p31-s5')).toMatchObject({ inSentence: true });

  // An English note from the Chinese view: both languages, the English passage above the sheet.
  await page.goto(`/zh/articles/${slug}?view=zh#annotation-${enNote.id}`);
  await expect(page.locator(`#note-${enNote.id}`)).toContainText('Seen on a phone.');
  await expect(page.locator('.reader')).toHaveAttribute('data-view', 'bilingual');
  await expect.poll(() => passagePlacement(page, 'en', 'p31-s5')).toMatchObject({ visible: true });
  await expect.poll(() => highlightState(page, 'note-active', 'en', 'p31-s5')).toMatchObject({ inSentence: true });
});
