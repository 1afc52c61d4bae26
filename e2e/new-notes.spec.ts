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
