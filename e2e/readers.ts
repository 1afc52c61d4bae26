import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import type { ArticleLang } from '../lib/content/types';
import { annotationBody } from './api/api-fixtures';
import { test as base, expect, slug, watchPage } from './fixtures';

/** The database of the UI project's server (`sqliteUrl` in playwright.config.ts): roles are granted there. */
const serverDatabase = 'file:.data/e2e.db';
const password = 'correct horse battery';

export type BrowserReader = { id: string; name: string; email: string; context: BrowserContext; page: Page; api: APIRequestContext };

type ReaderOptions = {
  /** Promoted with the documented command (scripts/user-role.ts) before the browser signs in. */
  moderator?: boolean;
  /** Made an editor the same way (accepts and declines translation suggestions). */
  editor?: boolean;
  /** A 390 px wide phone instead of a desktop window. */
  phone?: boolean;
  /** A touch screen: taps, and the `:hover` a tap leaves behind. */
  touch?: boolean;
  /** Console errors this reader's page may show, e.g. the 403 a refused page gets from the API. */
  allowedConsoleErrors?: RegExp[];
};

/**
 * Readers with a browser context each, signed up through the API (the form has its own tests in
 * annotations.spec.ts); `api` shares the context's cookies. Every page fails the test on a console
 * error, like the `page` fixture.
 */
export const test = base.extend<{ newReader: (name: string, options?: ReaderOptions) => Promise<BrowserReader> }>({
  newReader: async ({ browser, baseURL }, use) => {
    const made: { reader: BrowserReader; errors: string[]; allowed: RegExp[] }[] = [];
    await use(async (name, options = {}) => {
      const context = await browser.newContext({
        viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
        hasTouch: options.touch,
      });
      // better-auth wants an Origin once the context holds cookies.
      const headers = { Origin: baseURL! };
      const email = `${randomUUID()}@example.test`;
      // No two moderators may share a name (nor a reader a moderator's): each gets its own.
      const role = options.moderator ? 'moderator' : options.editor ? 'editor' : undefined;
      const shownName = role ? `${name} ${email.slice(0, 6)}` : name;
      const signUp = await context.request.post('/api/auth/sign-up/email', { data: { name: shownName, email, password }, headers });
      expect(signUp.status(), await signUp.text()).toBe(200);
      const { user } = await signUp.json();
      if (role) {
        execFileSync('npx', ['tsx', 'scripts/user-role.ts', email, role], { env: { ...process.env, DATABASE_URL: serverDatabase } });
        // A new session, as a reader promoted while signed in would start.
        const signIn = await context.request.post('/api/auth/sign-in/email', { data: { email, password }, headers });
        expect(signIn.status(), await signIn.text()).toBe(200);
      }
      const page = await context.newPage();
      const errors = await watchPage(page);
      const reader = { id: user.id as string, name: shownName, email, context, page, api: context.request };
      made.push({ reader, errors, allowed: options.allowedConsoleErrors ?? [] });
      return reader;
    });
    for (const { reader, errors, allowed } of made) {
      await reader.context.close();
      expect(
        errors.filter((error) => !allowed.some((pattern) => pattern.test(error))),
        `console errors of ${reader.name}`,
      ).toEqual([]);
    }
  },
});

export { expect, slug };

/** A unique word for a test's notes: other tests write to the same database at the same time. */
export const uniqueWord = () => `w${randomUUID().slice(0, 8)}`;

/** Writes a note through the API on the first occurrence of `phrase` (private unless `fields` say otherwise). */
export async function createNote(reader: BrowserReader, lang: ArticleLang, phrase: string, fields: Record<string, unknown> = {}) {
  const response = await reader.api.post(`/api/articles/${slug}/annotations`, { data: annotationBody(lang, phrase, fields) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; version: number; createdAt: string };
}

export async function flagNote(reader: BrowserReader, id: string, reason: string) {
  const response = await reader.api.post(`/api/annotations/${id}/flags`, { data: { reason } });
  expect(response.status(), await response.text()).toBe(201);
}

export async function moderateNote(moderator: BrowserReader, id: string, action: 'hide' | 'restore', reason?: string) {
  const response = await moderator.api.post(`/api/annotations/${id}/moderation`, { data: { action, reason } });
  expect(response.status(), await response.text()).toBe(200);
}

/** The page's horizontal overflow, in pixels: 0 when nothing sticks out sideways. */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
