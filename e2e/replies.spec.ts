import { createNote, expect, slug, test, uniqueWord } from './readers';

// Issue 13: reply boxes stay closed until the reader asks for one; the flag stays apart from them.

test('en, phone: cards show a Reply button, the form opens on request and closes once sent', async ({ newReader }) => {
  const word = uniqueWord();
  const writer = await newReader('Reply Uma');
  await createNote(writer, 'en', 'Nvidia has been the biggest beneficiary', { visibility: 'shared', body: `${word} first` });
  await createNote(writer, 'en', 'using only 2,048 Nvidia H800 chips', { visibility: 'shared', body: `${word} second` });
  const { page } = await newReader('Reply Vic', { phone: true });
  await page.goto(`/en/articles/${slug}/review?q=${word}`);
  const cards = page.locator('.note-card');
  await expect(cards).toHaveCount(2);
  await expect(page.getByPlaceholder('Your reply (Markdown)')).toHaveCount(0);
  await expect(cards.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(2);
  await expect(cards.getByRole('button', { name: 'Flag' })).toHaveCount(2);

  const first = cards.filter({ hasText: `${word} first` });
  await first.getByRole('button', { name: 'Reply', exact: true }).click();
  const box = first.getByPlaceholder('Your reply (Markdown)');
  await expect(box).toBeFocused();
  await box.fill('Agreed.');
  await first.getByRole('button', { name: 'Send reply' }).click();
  await expect(first.locator('.reply')).toContainText('Agreed.');
  await expect(page.getByPlaceholder('Your reply (Markdown)')).toHaveCount(0);

  // The flag form is its own thing, marked apart.
  await first.getByRole('button', { name: 'Flag' }).click();
  await expect(first.locator('.flag-form')).toBeVisible();
  await expect(first.getByPlaceholder('Your reply (Markdown)')).toHaveCount(0);
});

test('zh, wide: Reply opens the form, and once words are in it no Cancel can drop them', async ({ newReader }) => {
  const word = uniqueWord();
  const writer = await newReader('Reply Wu');
  await createNote(writer, 'zh', '仅用2048张英伟达H800芯片', { visibility: 'shared', body: `${word} 笔记` });
  const { page } = await newReader('Reply Xi');
  await page.goto(`/zh/articles/${slug}/review?q=${word}`);
  const card = page.locator('.note-card');
  await card.getByRole('button', { name: '回复', exact: true }).click();
  await card.getByPlaceholder('你的回复（支持 Markdown）').fill('写了一半');
  // With words in it, the form has no Cancel that would drop them, and stays open.
  await expect(card.getByRole('button', { name: '取消' })).toHaveCount(0);
  await expect(card.getByPlaceholder('你的回复（支持 Markdown）')).toHaveValue('写了一半');
});

test('en, wide: a reader edits and deletes their own reply, and flags someone else’s note with a reason', async ({ newReader }) => {
  const word = uniqueWord();
  const writer = await newReader('Reply Yan');
  await createNote(writer, 'en', 'Nvidia has been the biggest beneficiary', { visibility: 'shared', body: `${word} claim` });
  const { page } = await newReader('Reply Zoe');
  await page.goto(`/en/articles/${slug}/review?q=${word}`);
  const card = page.locator('.note-card').filter({ hasText: `${word} claim` });
  await card.getByRole('button', { name: 'Reply', exact: true }).click();
  await card.getByPlaceholder('Your reply (Markdown)').fill('First thought.');
  await card.getByRole('button', { name: 'Send reply' }).click();
  const reply = card.locator('.reply');
  await expect(reply).toContainText('First thought.');

  // Editing keeps the form until the change is saved; the reply then says it was edited.
  await reply.getByRole('button', { name: 'Edit' }).click();
  await reply.getByRole('textbox', { name: 'Your reply (Markdown)' }).fill('Second thought.');
  await reply.getByRole('button', { name: 'Save' }).click();
  await expect(reply.locator('.note-body')).toHaveText('Second thought.');
  await expect(reply.locator('.reply-meta')).toContainText('edited');
  page.once('dialog', (dialog) => dialog.accept());
  await reply.getByRole('button', { name: 'Delete' }).click();
  await expect(card.locator('.reply')).toHaveCount(0);

  await card.getByRole('button', { name: 'Flag' }).click();
  await card.getByLabel('What is wrong with this note?').fill('Advertising');
  await card.locator('.flag-form').getByRole('button', { name: 'Flag' }).click();
  await expect(card.getByRole('status')).toHaveText('Thanks: a moderator will look at it.');
  await expect(card.locator('.flag-form')).toHaveCount(0);
});
