import type { Page } from '@playwright/test';
import { createNote, expect, slug, test, uniqueWord } from './readers';
import { liveReady } from './page-state';

// Issue 13, "Beyond": notes that arrive live while the list is open wait behind "Show N new notes",
// instead of moving the list under the reader. (Past 200 shared notes the list holds only the
// reader's own, and this does not arise.)

test('zh, wide: a note shared while the list is open waits behind a button, then joins it', async ({ newReader, page }) => {
  const word = uniqueWord();
  const ready = page.waitForResponse((r) => r.url().includes(`/api/articles/${slug}/events`));
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await ready;
  await page.locator('.notes-button').click();
  await expect(page.getByRole('heading', { name: '全部笔记' })).toBeVisible();
  await liveReady(page);

  const writer = await newReader('Live Ann');
  const created = await createNote(writer, 'zh', '英伟达几乎是垄断者', { visibility: 'shared', body: `${word} 新来的` });
  // Other tests share notes on the article meanwhile: the count may be more than this one.
  const show = page.getByRole('button', { name: /^显示 \d+ 条新笔记$/ });
  await expect(show).toBeVisible({ timeout: 5_000 });
  await expect(page.locator(`.note-panel #note-${created.id}`)).toHaveCount(0);
  await show.click();
  await expect(page.locator(`.note-panel #note-${created.id}`)).toContainText(`${word} 新来的`);
  // Listed once. (Whether the button then goes away depends on other tests: notes they share while
  // this one runs wait behind it in their turn, as they should.)
  await expect(page.locator(`.note-panel #note-${created.id}`)).toHaveCount(1);
});

test('zh, wide: notes still loading when the list opens are listed, not held back as new', async ({ newReader, page }) => {
  const word = uniqueWord();
  const writer = await newReader('Early Ann');
  const shared = await createNote(writer, 'zh', '英伟达几乎是垄断者', { visibility: 'shared', body: `${word} 早就在了` });
  // The article's shared notes answer late: the reader opens the list before they are there.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/articles/${slug}/annotations?*`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await page.locator('.notes-button').click();
  await expect(page.getByRole('heading', { name: '全部笔记' })).toBeVisible();
  release();
  // Listed at once, not behind "Show N new notes" (which other tests' live notes may still bring up).
  await expect(page.locator(`.note-panel #note-${shared.id}`)).toContainText(`${word} 早就在了`);
});

/** Holds the chunk that places notes in the text (its fuzzy matcher, approx-string-match) until released; or fails it. */
async function holdAnchoringCode(page: Page, answer: 'held' | 'failed') {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let failing = answer === 'failed';
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!body.includes('lastRowMask')) return route.fulfill({ response, body });
    if (failing) return route.fulfill({ status: 404, body: '' });
    if (answer === 'held') await held;
    await route.fulfill({ response, body });
  });
  return { release, recover: () => void (failing = false) };
}

test('zh, wide: a note that came live before the list opened is listed at once, though its place comes late', async ({
  newReader,
  page,
}) => {
  const word = uniqueWord();
  const code = await holdAnchoringCode(page, 'held');
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await liveReady(page);
  const writer = await newReader('Prior Ann');
  const shared = await createNote(writer, 'zh', '英伟达几乎是垄断者', { visibility: 'shared', body: `${word} 开列表之前来的` });
  await expect(page.locator('.notes-button')).toHaveText(/笔记（[1-9]\d*）/);
  await page.locator('.notes-button').click();
  // While the notes wait for their places the list says nothing false ("no notes yet").
  await page.waitForTimeout(300);
  await expect(page.getByText('还没有笔记')).toHaveCount(0);
  code.release();
  await expect(page.locator(`.note-panel #note-${shared.id}`)).toContainText(`${word} 开列表之前来的`);
});

test('en, wide: when the code that places notes fails to come, the reader is told, and opening the notes again brings them', async ({
  newReader,
}) => {
  const word = uniqueWord();
  // The browser reports the chunk it could not load.
  const reader = await newReader('Own Ann', { allowedConsoleErrors: [/404|chunk/i] });
  const { page } = reader;
  const mine = await createNote(reader, 'en', 'brute force', { visibility: 'private', body: `${word} mine` });
  const code = await holdAnchoringCode(page, 'failed');
  await page.goto(`/en/articles/${slug}?view=en`);
  await expect(page.getByText('The notes could not be loaded')).toBeVisible();
  code.recover();
  await page.locator('.notes-button').click();
  await expect(page.locator(`.note-panel #note-${mine.id}`)).toContainText(`${word} mine`);
  await expect(page.getByText('The notes could not be loaded')).toHaveCount(0);
});
