import { test as base, expect, type Page } from '@playwright/test';
import { readParsedArticle } from '../lib/content/article-files';
import type { ArticleLang } from '../lib/content/types';

/** The article the reader ships with; every spec reads it. */
export const slug = 'deepseek-capex';

/** The original images live on a remote host that our machines (and CI) cannot reach. */
export const remoteImages = /^https:\/\/inews\.gtimg\.com\//;

/** The article's text as the checker sees it: what the page must show. */
export function articleText(lang: ArticleLang) {
  return readParsedArticle(slug, lang);
}

/**
 * Refuses the remote images (certain, and deterministic) and collects the page's console errors and
 * uncaught exceptions, except those failed images and the `allowed` ones, for the test to check.
 */
export async function watchPage(page: Page, allowed: RegExp[] = []): Promise<string[]> {
  const errors: string[] = [];
  await page.route(remoteImages, (route) => route.abort('internetdisconnected'));
  page.on('console', (message) => {
    if (message.type() !== 'error' || remoteImages.test(message.location().url)) return;
    if (!allowed.some((pattern) => pattern.test(message.text()))) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Every page fails its test on a console error or an uncaught exception (see watchPage). */
export const test = base.extend<{ page: Page; allowedConsoleErrors: RegExp[] }>({
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors }, use) => {
    const errors = await watchPage(page, allowedConsoleErrors);
    await use(page);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };
