import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createNote, expect, slug, test } from './readers';
import { highlightState, lookUpAtCaret, phraseCentre } from './selection';

// Issue 17: look up a Chinese word by click or tap, or by keyboard, in a card beside it.

async function clickPhrase(page: Page, lang: 'zh' | 'en', sentence: string, phrase: string) {
  const { x, y } = await phraseCentre(page, lang, sentence, phrase);
  await page.mouse.click(x, y);
}

const lookedUp = (page: Page, sentence: string) => highlightState(page, 'looked-up-word', 'zh', sentence);

test('zh, desktop: with 查词 on, clicking a word shows its pinyin, meaning, HSK level and English sentence; ←/→ step words; remembered', async ({
  newReader,
}) => {
  const { page } = await newReader('Lookup Li');
  await page.goto(`/zh/articles/${slug}?view=zh`);
  const toggle = page.getByRole('button', { name: '查词' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Off, a click on a word is only a click.
  await clickPhrase(page, 'zh', 'p02-s2', '英伟达');
  await expect(page.locator('.word-card')).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await clickPhrase(page, 'zh', 'p02-s2', '伟');
  const card = page.getByRole('dialog', { name: '英伟达' });
  await expect(card).toBeVisible();
  await expect(card.locator('.word-card-pinyin')).toHaveText('yīng wěi dá');
  await expect(card).toContainText('NVIDIA');
  // Not in the HSK word lists: no level, rather than its hardest character's.
  await expect(card.locator('.word-card-level')).toHaveCount(0);
  await expect(card.locator('.word-card-english')).toContainText('2,048 Nvidia H800 chips');
  await expect.poll(() => lookedUp(page, 'p02-s2')).toMatchObject({ size: 1, inSentence: true });
  expect(
    (await new AxeBuilder({ page }).include('.word-card').analyze()).violations.filter((v) => ['serious', 'critical'].includes(v.impact!)),
  ).toEqual([]);

  // The next word skips the Latin model name: 芯片 follows H800.
  await card.getByRole('button', { name: '下一个词' }).click();
  await expect(page.getByRole('dialog', { name: '芯片' })).toBeVisible();
  await page.getByRole('dialog', { name: '芯片' }).getByRole('button', { name: '上一个词' }).click();
  await expect(page.getByRole('dialog', { name: '英伟达' })).toBeVisible();

  await clickPhrase(page, 'zh', 'p02-s2', '公司');
  await expect(page.getByRole('dialog', { name: '公司' }).locator('.word-card-level')).toHaveText('HSK 2 级');

  // The article's own sense comes first, above the dictionary's (CC-CEDICT has 算力 as a hash rate).
  await clickPhrase(page, 'zh', 'p01-s1', '算力');
  const computing = page.getByRole('dialog', { name: '算力' });
  await expect(computing.locator('.word-card-gloss')).toContainText('computing power');
  await page.keyboard.press('Escape');
  await expect(page.locator('.word-card')).toHaveCount(0);
  await expect.poll(() => lookedUp(page, 'p01-s1')).toMatchObject({ size: 0 });

  await page.reload();
  await expect(page.getByRole('button', { name: '查词' })).toHaveAttribute('aria-pressed', 'true');
});

test('en, phone: L looks up the word at the cursor, the card is a sheet below the word, arrows step and Escape gives the focus back', async ({
  newReader,
}) => {
  const { page } = await newReader('Lookup Lo', { phone: true });
  await page.goto(`/en/articles/${slug}?view=bilingual`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await lookUpAtCaret(page, 'p01-s2', '投资者');
  const card = page.getByRole('dialog', { name: '投资者' });
  await expect(card).toBeVisible();
  await expect(card).toBeFocused();
  await expect(card.locator('.word-card-pinyin')).toHaveText('tóu zī zhě');
  await expect(card.locator('.word-card-english')).toContainText('investors');
  const [word, sheet] = await Promise.all([
    page.locator('.block[data-lang="zh"] [data-sid="p01-s2"]').evaluate(() => {
      const range = CSS.highlights.get('looked-up-word')![Symbol.iterator]().next().value as Range;
      return range.getBoundingClientRect().bottom;
    }),
    card.evaluate((element) => element.getBoundingClientRect().top),
  ]);
  expect(word).toBeLessThanOrEqual(sheet);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: '对' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.word-card')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Look up words' })).toHaveAttribute('aria-pressed', 'false');
});

test('the English text has no lookup, and while lookup is on a click on a note looks the word up instead of opening the note', async ({
  newReader,
}) => {
  const reader = await newReader('Lookup La');
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片', { body: '看这里' });
  const { page } = reader;
  await page.goto(`/en/articles/${slug}?view=bilingual`);
  await expect.poll(() => highlightState(page, 'note-comment', 'zh', 'p02-s2')).toMatchObject({ inSentence: true });
  await expect(page.locator('.note-panel .note-card')).toHaveCount(0);
  await page.getByRole('button', { name: 'Look up words' }).click();

  await clickPhrase(page, 'en', 'p02-s2', 'Nvidia');
  await expect(page.locator('.note-panel .note-card')).toHaveCount(0);
  await expect(page.locator('.word-card')).toHaveCount(0);

  await clickPhrase(page, 'zh', 'p02-s2', '芯片');
  await expect(page.getByRole('dialog', { name: '芯片' })).toBeVisible();
  await expect(page.locator('.note-panel .note-card')).toHaveCount(0);

  // Off again, the same click opens the note.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Look up words' }).click();
  await clickPhrase(page, 'zh', 'p02-s2', '芯片');
  await expect(page.locator('.note-panel .note-card')).toContainText('看这里');
  await expect(page.locator('.word-card')).toHaveCount(0);
});
