import { createNote, expect, slug, test } from './readers';

// Issue 15, part 1: the Chinese is verbatim, the source's slips included. A note quoting a slip goes
// out with the translator's correction under its quote; the English carries its own, in brackets.

test('a note on the Chinese slip shows the correction under its quote; notes elsewhere and English ones do not', async ({ newReader }) => {
  const writer = await newReader('Slip Lu');
  const slip = await createNote(writer, 'zh', '资本支出总额将超过3200万美元', { visibility: 'shared', body: '这个数字不对吧？' });
  const elsewhere = await createNote(writer, 'zh', '英伟达是算力投资最大受益者', { visibility: 'shared', body: '这句没问题。' });
  const english = await createNote(writer, 'en', 'will exceed $320 billion [given as $32 million in the original]', {
    visibility: 'shared',
    body: 'Corrected in the text.',
  });
  const { page } = await newReader('Slip Mo');

  await page.goto(`/zh/articles/${slug}?view=zh#annotation-${slip.id}`);
  const card = page.locator(`#note-${slip.id}`);
  await expect(card).toContainText('这个数字不对吧？');
  await expect(card.getByRole('note')).toHaveText(/^译者更正： The original reads “3200万美元” \(\$32 million\), a slip for “3200亿美元”/);

  await page.goto(`/en/articles/${slug}?view=bilingual#annotation-${elsewhere.id}`);
  await expect(page.locator(`#note-${elsewhere.id}`)).toContainText('这句没问题。');
  await expect(page.locator(`#note-${elsewhere.id} .note-correction`)).toHaveCount(0);

  await page.goto(`/en/articles/${slug}?view=en#annotation-${english.id}`);
  await expect(page.locator(`#note-${english.id}`)).toContainText('Corrected in the text.');
  await expect(page.locator(`#note-${english.id} .note-correction`)).toHaveCount(0);
});
