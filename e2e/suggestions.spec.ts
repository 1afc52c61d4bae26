import fs from 'node:fs';
import { expect, slug, test, uniqueWord } from './readers';
import { select } from './selection';

// Issue 15, part 4: a reader suggests a better English from the Chinese, another +1s it on the review
// page, an editor accepts it there and downloads the patch of the article's files.

test('suggest a translation, +1 it, accept it as an editor, download the patch', async ({ newReader }) => {
  test.slow(); // three readers, and promoting the editor runs a script
  const word = uniqueWord();
  const ada = await newReader('Ada');
  await ada.page.goto(`/zh/articles/${slug}?view=zh`);
  await select(ada.page, 'zh', 'p03-s1', '仍坚持“大力出奇迹”');
  await ada.page.getByRole('toolbar').getByRole('button', { name: '建议译文' }).click();

  // The editor starts from the English of the sentence, as it reads now.
  const editor = ada.page.locator('.note-editor');
  const wording = editor.getByLabel('建议的写法');
  const original = await wording.inputValue();
  expect(original.length).toBeGreaterThan(20);
  await expect(editor.locator('.note-suggestion-fields blockquote')).toHaveText(original);
  // Unchanged, it is not sent: the editor says why, in the reader's language.
  await editor.getByLabel('公开').check();
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor.getByRole('alert')).toHaveText('请先修改写法：现在与原文相同。');
  await wording.fill(`${word} ${original}`);
  await editor.getByLabel('理由（支持 Markdown）').fill('更贴近原文。');
  await editor.getByRole('button', { name: '保存' }).click();
  const own = ada.page.locator('.note-card.note-translation');
  await expect(own.locator('.suggestion-diff ins')).toContainText(word);
  await expect(own.locator('.suggestion-state')).toHaveText('待定');
  // No +1 of one's own suggestion.
  await expect(own.getByRole('button', { name: '+1' })).toHaveCount(0);

  // Another reader finds it on the review page, filtered by kind, and +1s it.
  const bo = await newReader('Bo');
  const review = `/en/articles/${slug}/review?kind=translation&q=${word}`;
  await bo.page.goto(review);
  const card = bo.page.locator('.note-card.note-translation');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.suggestion-heading')).toContainText('Suggested English');
  await expect(card.locator('.suggestion-diff ins')).toContainText(word);
  await expect(card.locator('.suggestion-support')).toHaveText('No +1s yet');
  await card.getByRole('button', { name: '+1' }).click();
  await expect(card.locator('.suggestion-support')).toHaveText('1 reader agrees');
  await expect(card.getByRole('button', { name: 'Take back my +1' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  // The editor accepts it and takes the patch.
  const cy = await newReader('Cy', { editor: true });
  await cy.page.goto(review);
  const decided = cy.page.locator('.note-card.note-translation');
  await expect(decided.locator('.suggestion-support')).toHaveText('1 reader agrees');
  await decided.getByRole('button', { name: 'Accept' }).click();
  await expect(decided.locator('.suggestion-state')).toHaveText('Accepted');
  await expect(decided.getByRole('button', { name: 'Reopen' })).toBeVisible();
  const [download] = await Promise.all([
    cy.page.waitForEvent('download'),
    cy.page.getByRole('link', { name: 'Download accepted suggestions as a patch' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${slug}-accepted-suggestions.patch`);
  const patch = fs.readFileSync((await download.path())!, 'utf8');
  expect(patch).toContain(`+++ b/content/${slug}/en.mdx`);
  // The sentence's line, its bold markers kept.
  expect(patch).toContain(`+**${word} ${original}**`);

  // Its author sees the decision.
  await ada.page.goto(`/zh/articles/${slug}/review?kind=translation&q=${word}`);
  await expect(ada.page.locator('.note-card.note-translation .suggestion-state')).toHaveText('已采纳');
});
