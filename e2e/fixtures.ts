import { test as base, expect, type Page } from '@playwright/test';
import { readArticleFiles } from '../lib/content/article-files';
import { parseArticle } from '../lib/content/parse-article';
import type { ArticleLang } from '../lib/content/types';

/** The article the reader ships with; every spec reads it. */
export const slug = 'deepseek-capex';

/** The original images live on a remote host that our machines (and CI) cannot reach. */
const remoteImages = /^https:\/\/inews\.gtimg\.com\//;

/** The article's text as the checker sees it: what the page must show. */
export function articleText(lang: ArticleLang) {
  return parseArticle(readArticleFiles(slug)[lang].source, slug, lang);
}

/**
 * Every page fails its test on a console error or an uncaught exception, except the remote images
 * failing to load, which we make certain (and deterministic) by refusing their requests.
 */
export const test = base.extend<{ page: Page; allowedConsoleErrors: RegExp[] }>({
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors }, use) => {
    const errors: string[] = [];
    await page.route(remoteImages, (route) => route.abort('internetdisconnected'));
    page.on('console', (message) => {
      if (message.type() !== 'error' || remoteImages.test(message.location().url)) return;
      if (!allowedConsoleErrors.some((pattern) => pattern.test(message.text()))) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };
