import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createNote, expect, sidewaysOverflow, slug, test } from './readers';
import { highlightState, select } from './selection';

// Issue 17: pinyin over the Chinese text, as <ruby>; selection and notes keep to the article's text.

/** The pinyin the page shows over each ruby of a sentence, as `word:pinyin`. */
const rubies = (page: Page, sentence: string) =>
  page
    .locator(`.block[data-lang="zh"] [data-sid="${sentence}"] ruby`)
    .evaluateAll((elements) => elements.map((ruby) => `${ruby.firstChild!.textContent}:${ruby.querySelector('rt')!.dataset.py}`));

/** Where a sentence's top is on the screen. */
const topOf = (page: Page, sentence: string) =>
  page.locator(`.block[data-lang="zh"] [data-sid="${sentence}"]`).evaluate((element) => element.getBoundingClientRect().top);

test('zh, desktop: 拼音 serves the page with pinyin read in context at the same sentence; off and on again in place; remembered', async ({
  newReader,
}) => {
  const { page } = await newReader('Pinyin Pa');
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  const toggle = page.getByRole('button', { name: '拼音' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('ruby')).toHaveCount(0);

  // The reader followed a link to the first heading (#zh-h01), read on to 长期 (p11), and turns
  // pinyin on with `p` (the toggle is above the text): the place is where they are, not the link's.
  await page.evaluate(() => (location.hash = 'zh-h01'));
  await page.waitForTimeout(300);
  await page.locator('.block[data-lang="zh"] [data-sid="p11-s1"]').evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -200);
  });
  await page.waitForTimeout(300);
  const before = await topOf(page, 'p11-s1');
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/[?&]pinyin=1$/);
  await expect(page.getByRole('button', { name: '拼音' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await expect.poll(() => topOf(page, 'p11-s1')).toBeLessThan(before + 60);
  expect(await topOf(page, 'p11-s1')).toBeGreaterThan(before - 60);

  // Polyphones read as in their sentence.
  expect(await rubies(page, 'p11-s1')).toContain('长期:chángqī');
  expect(await rubies(page, 'p04-s2')).toContain('增长:zēngzhǎng');
  expect(await rubies(page, 'p02-s5')).toContain('还是:háishì');
  expect(await rubies(page, 'p21-s6')).toContain('重要:zhòngyào');
  expect(await rubies(page, 'p08-s3')).toContain('了:le');
  // Latin text and numbers carry none.
  expect((await rubies(page, 'p02-s2')).join(' ')).not.toMatch(/DeepSeek|2048|H800/);
  // The pinyin sits above its word and shows.
  const [word, reading] = await page
    .locator('.block[data-lang="zh"] [data-sid="p11-s1"] ruby')
    .first()
    .evaluate((ruby) => {
      const range = document.createRange();
      range.selectNodeContents(ruby.firstChild!);
      return [range.getBoundingClientRect(), ruby.querySelector('rt')!.getBoundingClientRect()].map((box) => ({
        top: box.top,
        height: box.height,
      }));
    });
  expect(reading.height).toBeGreaterThan(5);
  expect(reading.top).toBeLessThan(word.top);

  // Off, on a page served with pinyin: no load, the sentence stays where it is.
  const onScreen = await topOf(page, 'p11-s1');
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: '拼音' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.block[data-lang="zh"] rt').first()).toBeHidden();
  await expect(page).toHaveURL(/[?&]pinyin=0/);
  expect(Math.abs((await topOf(page, 'p11-s1')) - onScreen)).toBeLessThan(4);
  // And the button at the top of the article does as the key does.
  await page.getByRole('button', { name: '拼音' }).click();
  await expect(page.locator('.block[data-lang="zh"] rt').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // Remembered: the article's plain address serves it with pinyin.
  await page.goto(`/zh/articles/${slug}`);
  await expect(page.locator('.block[data-lang="zh"] ruby').first()).toBeVisible();
  await page.getByRole('button', { name: '拼音' }).click();
  await page.goto(`/zh/articles/${slug}`);
  await expect(page.locator('ruby')).toHaveCount(0);
});

test('selecting with pinyin on selects the characters only, and a highlight keeps to the article text and paints in place', async ({
  newReader,
}) => {
  const reader = await newReader('Pinyin Pe');
  const { page } = reader;
  await createNote(reader, 'zh', '英伟达是算力投资最大受益者', { body: '拼音也能看' });
  await page.goto(`/zh/articles/${slug}?view=bilingual&pinyin=1`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  // A note written on the plain text paints on the same characters with pinyin on.
  await expect.poll(() => highlightState(page, 'note-comment', 'zh', 'p01-s4')).toMatchObject({ inSentence: true });
  const painted = await page.evaluate(() => [...CSS.highlights.get('note-comment')!].map((range) => (range as Range).toString()));
  expect(painted).toContain('英伟达是算力投资最大受益者');
  // `p` is pinyin's key only: it neither opens a note nor moves the page to one.
  const scrolled = await page.evaluate(() => scrollY);
  await page.keyboard.press('p');
  await expect(page.locator('.block[data-lang="zh"] rt').first()).toBeHidden();
  await expect(page.locator('.note-panel .note-card')).toHaveCount(0);
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  await page.keyboard.press('p');
  await expect(page.locator('.block[data-lang="zh"] rt').first()).toBeVisible();

  // A selection across many words: its text, and a copy, hold no pinyin.
  await select(page, 'zh', 'p02-s2', '仅用2048张英伟达H800芯片');
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('仅用2048张英伟达H800芯片');
  await expect(page.getByRole('toolbar')).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(() => highlightState(page, 'note-yellow', 'zh', 'p02-s2')).toMatchObject({ inSentence: true });
  const mine = (await (await reader.api.get('/api/me/annotations')).json()).annotations as { target: unknown }[];
  expect(JSON.stringify(mine)).toContain('"exact":"仅用2048张英伟达H800芯片"');
  expect(JSON.stringify(mine)).not.toMatch(/jǐn|yīng/);
});

test('en UI, phone, bilingual: pinyin fits the column, the English has none, axe finds nothing serious with ruby on', async ({
  newReader,
}) => {
  const { page } = await newReader('Pinyin Pi', { phone: true });
  await page.goto(`/en/articles/${slug}?view=bilingual&pinyin=1`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Pinyin' })).toHaveAttribute('aria-pressed', 'true');
  expect((await rubies(page, 'p01-s1')).slice(0, 2)).toEqual(['是否:shìfǒu', '有:yǒu']);
  await expect(page.locator('.block[data-lang="en"] ruby')).toHaveCount(0);
  expect(await sidewaysOverflow(page)).toBe(0);
  // With Look up words on, a tap on a word's pinyin looks the word up.
  await page.getByRole('button', { name: 'Look up words' }).click();
  await page.locator('.block[data-lang="zh"] [data-sid="p01-s2"] ruby rt').nth(1).click();
  await expect(page.getByRole('dialog', { name: '创业' })).toBeVisible();
  await page.keyboard.press('Escape');
  // The English view has no Chinese to put pinyin over: no toggle there.
  const modes = page.getByRole('navigation', { name: 'Reading mode' });
  await modes.getByRole('link', { name: 'English', exact: true }).click();
  await expect(page.locator('.pinyin-toggle')).toBeHidden();
  await modes.getByRole('link', { name: 'Bilingual' }).click();
  // A few paragraphs with ruby (the whole article is thousands of rubies: minutes of axe on a busy machine).
  const { violations } = await new AxeBuilder({ page }).include('#zh-p01').include('#zh-p02').include('.learning-tools').analyze();
  expect(violations.filter((v) => ['serious', 'critical'].includes(v.impact!))).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the address gives pinyin, and the toggle is a link that takes it away', async ({ page }) => {
    await page.goto(`/zh/articles/${slug}?view=zh&pinyin=1`);
    expect(await rubies(page, 'p11-s1')).toContain('长期:chángqī');
    const toggle = page.getByRole('button', { name: '拼音' });
    await expect(toggle).toHaveAttribute('href', '?pinyin=0');
    await toggle.click();
    await expect(page.locator('ruby')).toHaveCount(0);
  });
});
