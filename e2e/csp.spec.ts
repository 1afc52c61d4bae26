import type { Page, Response } from '@playwright/test';
import { createNote, expect, slug, test, uniqueWord } from './readers';

// Every CSP violation in the page, recorded from before its first script runs. A string, not a
// function: the test runner's transform renames functions, which breaks them in the browser.
const recordViolations = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ': ' + (event.sample || ''));
  });
`;
const violations = (page: Page) => page.evaluate('window.__cspViolations') as Promise<string[]>;

/** The page's script-src, which must allow no inline script but those it names. */
function scriptSources(response: Response | null) {
  const csp = response?.headers()['content-security-policy'] ?? '';
  const sources = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  expect(sources, 'script-src').toMatch(/^\s*script-src 'self' '(sha256|nonce)-/);
  expect(sources).not.toContain('unsafe-inline');
  return sources;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(recordViolations);
});

for (const [path, kind, signIn] of [
  ['/zh', 'sha256', '登录'],
  ['/en/about', 'sha256', 'Sign in'],
  ['/zh/sign-in', 'sha256', '登录'],
  [`/en/articles/${slug}?view=bilingual`, 'sha256', 'Sign in'],
  [`/zh/articles/${slug}/review`, 'nonce', '登录'],
  [`/en/articles/${slug}/review`, 'nonce', 'Sign in'],
] as const) {
  test(`${path} hydrates under its CSP (${kind})`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    expect(scriptSources(response)).toContain(`'${kind}-`);
    // The account menu asks for the session after hydration: the link shows once React runs.
    await expect(page.getByRole('banner').getByRole('link', { name: signIn })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test.describe('a 404 rendered per request', () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('hydrates under its CSP', async ({ page }) => {
    const response = await page.goto('/en/no-such-page');
    expect(response?.status()).toBe(404);
    expect(scriptSources(response)).toContain("'nonce-");
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

test('switching the reading view works in place on a prerendered article', async ({ page }) => {
  const response = await page.goto(`/zh/articles/${slug}?view=zh`);
  scriptSources(response);
  await page.evaluate('window.notReloaded = true');
  const modes = page.getByRole('navigation', { name: '阅读模式' });
  await modes.getByRole('link', { name: '英文' }).click();
  await expect(page).toHaveURL(/\?view=en$/);
  await expect(modes.getByRole('link', { name: '英文' })).toHaveAttribute('aria-current', 'true');
  // A link followed without JavaScript would have loaded a new page.
  expect(await page.evaluate('window.notReloaded')).toBe(true);
  expect(await violations(page)).toEqual([]);
});

test('a signed-in reader’s notes load on the per-request My notes page', async ({ newReader }) => {
  const word = uniqueWord();
  const reader = await newReader('Csp');
  await createNote(reader, 'en', 'Nvidia', { body: `${word} under a nonce` });
  await reader.page.addInitScript(recordViolations);
  const response = await reader.page.goto('/en/my-notes');
  expect(scriptSources(response)).toContain("'nonce-");
  await expect(reader.page.locator('.my-note')).toContainText(`${word} under a nonce`);
  expect(await violations(reader.page)).toEqual([]);
});
