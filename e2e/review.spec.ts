import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser } from '@playwright/test';
import { annotationBody } from './api/api-fixtures';
import { expect, slug, test, watchPage } from './fixtures';
import { liveReady } from './page-state';

/** A reader signed up through the API in a browser context of their own (the UI sign-up is tested elsewhere). */
async function readerContext(browser: Browser, name: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const response = await context.request.post('/api/auth/sign-up/email', {
    data: { name, email: `${randomUUID()}@example.test`, password: 'correct horse battery' },
  });
  expect(response.status()).toBe(200);
  const page = await context.newPage();
  const errors = await watchPage(page);
  const close = async () => {
    await context.close();
    expect(errors, `console errors of ${name}`).toEqual([]);
  };
  return { context, page, api: context.request, close };
}

async function note(api: APIRequestContext, lang: 'zh' | 'en', phrase: string, fields: Record<string, unknown>) {
  const response = await api.post(`/api/articles/${slug}/annotations`, {
    data: annotationBody(lang, phrase, { visibility: 'shared', ...fields }),
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

test('the review page filters and searches shared notes, shows both languages, and links to the passage', async ({ browser, page }) => {
  const word = `w${randomUUID().slice(0, 8)}`;
  const writer = await readerContext(browser, 'Reviewer');
  const claim = await note(writer.api, 'zh', '合计资本支出总额将超过3200亿美元', {
    kind: 'claim',
    verdict: 'disputed',
    body: `${word} claim`,
    tags: [word],
  });
  await note(writer.api, 'en', 'Nvidia', { kind: 'question', body: `${word} question`, tags: [word] });
  await note(writer.api, 'zh', '英伟达几乎是垄断者', { kind: 'comment', body: `${word} comment` });
  await writer.close();

  await page.goto(`/en/articles/${slug}/review`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Notes on');
  const cards = page.locator('.review-list > li');
  const search = page.getByLabel('Search notes and quotes');
  await search.fill(word);
  await expect(cards).toHaveCount(3);

  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('question');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(`${word} question`);
  await expect(page).toHaveURL(/kind=question/);

  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('');
  await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption(word);
  await expect(cards).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh');
  await expect(cards).toHaveCount(1);

  // The claim's card quotes the Chinese and its aligned English sentence.
  const card = cards.first();
  await expect(card.locator('.note-quote').first()).toHaveText('合计资本支出总额将超过3200亿美元');
  await expect(card.locator('.note-aligned')).toContainText('$320 billion');

  // A filtered view is a link: reloading keeps it.
  await page.reload();
  await expect(cards).toHaveCount(1);
  await expect(search).toHaveValue(word);

  // The verdict counts filter too.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.locator('.review-counts button', { hasText: /disputed/ }).click();
  await expect(page.getByRole('combobox', { name: 'Verdict', exact: true })).toHaveValue('disputed');
  for (const text of await cards.locator('.note-card-header').allTextContents()) expect(text).toContain('Disputed');

  await search.fill(word);
  await card.getByRole('link', { name: 'Read in the article' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/articles/${slug}#annotation-${claim.id}$`));
  await expect(page.locator(`.note-panel #note-${claim.id}`)).toContainText(`${word} claim`);
});

test('a reply and a new note from one reader appear live for another, without reload', async ({ browser, page }) => {
  const word = `live${randomUUID().slice(0, 8)}`;
  const writer = await readerContext(browser, 'Writer');
  const claim = await note(writer.api, 'zh', '英伟达是算力投资最大受益者。', { kind: 'claim', body: `${word} claim` });

  // The other reader has the review page open (signed out) and waits for the live connection.
  const ready = page.waitForResponse((r) => r.url().includes(`/api/articles/${slug}/events`));
  await page.goto(`/zh/articles/${slug}/review?q=${word}`);
  await ready;
  const thread = page.locator(`#note-${claim.id} .reply-list`);
  await expect(page.locator(`#note-${claim.id}`)).toBeVisible();
  await liveReady(page);

  const reply = await writer.api.post(`/api/annotations/${claim.id}/replies`, { data: { body: `${word} reply`, verdict: 'false' } });
  expect(reply.status()).toBe(201);
  await expect(thread).toContainText(`${word} reply`, { timeout: 2_000 });
  await expect(page.locator(`#note-${claim.id} .note-tally`)).toContainText('不实 1');

  const second = await note(writer.api, 'en', 'Nvidia', { kind: 'comment', body: `${word} second` });
  await expect(page.locator(`#note-${second.id}`)).toContainText(`${word} second`, { timeout: 2_000 });
  await writer.close();
});

test('the reader page receives shared notes live too', async ({ browser, page }) => {
  const word = `reader${randomUUID().slice(0, 8)}`;
  const ready = page.waitForResponse((r) => r.url().includes(`/api/articles/${slug}/events`));
  await page.goto(`/zh/articles/${slug}?view=bilingual`);
  await ready;
  await liveReady(page);
  const writer = await readerContext(browser, 'Live');
  const created = await note(writer.api, 'zh', '英伟达几乎是垄断者', { body: `${word} note` });
  await writer.close();
  await page.locator('.notes-button').click();
  await expect(page.locator(`.note-panel #note-${created.id}`)).toContainText(`${word} note`, { timeout: 2_000 });
});

test('export from the review page, then import it back as another reader', async ({ browser }, testInfo) => {
  const word = `x${randomUUID().slice(0, 8)}`;
  const writer = await readerContext(browser, 'Exporter');
  await note(writer.api, 'en', 'Nvidia', { kind: 'comment', body: `${word} exported` });
  await writer.page.goto(`/en/articles/${slug}/review`);
  const download = writer.page.waitForEvent('download');
  await writer.page.getByRole('link', { name: 'Web Annotation (JSON-LD)' }).click();
  const file = testInfo.outputPath('export.jsonld');
  await (await download).saveAs(file);
  await writer.close();

  const importer = await readerContext(browser, 'Importer');
  await importer.page.goto(`/en/articles/${slug}/review`);
  await importer.page.getByLabel('Import my notes (JSON-LD)').setInputFiles(file);
  await expect(importer.page.locator('.exchange-menu [role="status"]')).toContainText(/Imported \d+ notes?/);
  const mine = (await (await importer.api.get('/api/me/annotations')).json()).annotations as { body: string }[];
  expect(mine.map((n) => n.body)).toContain(`${word} exported`);
  await importer.close();
});
