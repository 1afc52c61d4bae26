import type { Page } from '@playwright/test';
import { articleText, expect, slug, test } from './fixtures';

test.use({ javaScriptEnabled: false });

/** The text of every sentence of a language that the page shows (not hidden by its view). */
function shownSentences(page: Page, lang: 'zh' | 'en') {
  return page.locator(`.block[data-lang="${lang}"] .s`).evaluateAll((spans) =>
    spans
      .filter((span) => span.checkVisibility({ visibilityProperty: true }))
      .map((span) => {
        const copy = span.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[role="note"]').forEach((note) => note.remove());
        return copy.textContent?.trim();
      }),
  );
}

test('without JavaScript the whole Chinese text is there and readable', async ({ page }) => {
  await page.goto(`/zh/articles/${slug}`);
  const sentences = articleText('zh').blocks.flatMap((b) => b.sentences.map((s) => s.text));
  expect(sentences.length).toBeGreaterThan(100);
  expect(await shownSentences(page, 'zh')).toEqual(sentences);
  expect(await shownSentences(page, 'en')).toEqual([]);
});

test('without JavaScript the view links still switch views', async ({ page }) => {
  await page.goto(`/zh/articles/${slug}`);
  await page.getByRole('navigation', { name: '阅读模式' }).getByRole('link', { name: '英文' }).click();
  await expect(page).toHaveURL(/\?view=en$/);
  expect(await shownSentences(page, 'en')).toEqual(articleText('en').blocks.flatMap((b) => b.sentences.map((s) => s.text)));
  expect(await shownSentences(page, 'zh')).toEqual([]);
  await expect(page.getByRole('heading', { level: 1, name: articleText('zh').meta.title })).toBeHidden();
});

test('without JavaScript the header still offers to sign in, and comes back to the page after', async ({ page }) => {
  for (const locale of ['zh', 'en']) {
    await page.goto(`/${locale}/articles/${slug}`);
    const signIn = page.getByRole('banner').getByRole('link', { name: locale === 'zh' ? '登录' : 'Sign in' });
    await expect(signIn).toBeVisible();
    await expect(signIn).toHaveAttribute('href', `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/articles/${slug}`)}`);
  }
});
