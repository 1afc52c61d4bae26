import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { describeOffsets } from '../../lib/anchoring/describe';
import { articleCanonicalText } from '../../lib/content/article-canonical-text';
import type { ArticleLang } from '../../lib/content/types';

export const slug = 'deepseek-capex';
export const password = 'correct horse battery';

export type Reader = { api: APIRequestContext; id: string; name: string; email: string };

export const articleCanonical = (lang: ArticleLang) => articleCanonicalText(slug, lang);

/** A valid POST body annotating the first occurrence of `phrase` in one language of the article. */
export function annotationBody(lang: ArticleLang, phrase: string, fields: Record<string, unknown> = {}) {
  const canonical = articleCanonical(lang);
  const start = canonical.text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the ${lang} text`);
  const description = describeOffsets(canonical, start, start + phrase.length)!;
  return {
    lang,
    blockId: description.blockId,
    sentenceIds: description.sentenceIds,
    target: { selector: description.selectors },
    kind: 'comment',
    ...fields,
  };
}

/**
 * Per project (playwright.config.ts): the database the project's server uses, and the address of
 * another app instance on that database (the same instance where there is only one).
 */
export type DatabaseOption = { databaseUrl: string; otherInstanceURL: string };

/** Readers are real accounts made through the real sign-up endpoint, each with its own cookie jar. */
export const test = base.extend<
  {
    newReader: (name?: string) => Promise<Reader>;
    newModerator: () => Promise<Reader>;
    newEditor: () => Promise<Reader>;
    anonymous: APIRequestContext;
  },
  DatabaseOption
>({
  databaseUrl: ['', { option: true, scope: 'worker' }],
  otherInstanceURL: ['', { option: true, scope: 'worker' }],
  newReader: async ({ baseURL }, use) => {
    const made: APIRequestContext[] = [];
    await use(async (name = 'Reader') => {
      const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
      made.push(api);
      const email = `${randomUUID()}@example.test`;
      const response = await api.post('/api/auth/sign-up/email', { data: { name, email, password } });
      expect(response.status(), await response.text()).toBe(200);
      const { user } = await response.json();
      return { api, id: user.id, name, email };
    });
    await Promise.all(made.map((api) => api.dispose()));
  },
  // Moderators are readers promoted with the documented command, against the server's database.
  newModerator: async ({ newReader, databaseUrl }, use) => {
    await use(async () => {
      // No two moderators may share a name (nor a reader a moderator's): each gets its own.
      const reader = await newReader(`Lin ${randomUUID().slice(0, 8)}`);
      execFileSync('npx', ['tsx', 'scripts/user-role.ts', reader.email, 'moderator'], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      return reader;
    });
  },
  // Editors likewise, with the same command.
  newEditor: async ({ newReader, databaseUrl }, use) => {
    await use(async () => {
      const reader = await newReader(`Wen ${randomUUID().slice(0, 8)}`);
      execFileSync('npx', ['tsx', 'scripts/user-role.ts', reader.email, 'editor'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
      return reader;
    });
  },
  anonymous: async ({ baseURL }, use) => {
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    await use(api);
    await api.dispose();
  },
});

export { expect };

/** Creates an annotation and returns its JSON, failing the test if that does not work. */
export async function createNote(reader: Reader, lang: ArticleLang, phrase: string, fields: Record<string, unknown> = {}) {
  const response = await reader.api.post(`/api/articles/${slug}/annotations`, { data: annotationBody(lang, phrase, fields) });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

type ListedNote = { id: string; body: string; visibility: string; author: { id: string }; hidden?: unknown; sentenceIds?: string[] };

/** Every page of a paged list route (`{ annotations, next }`). */
export async function allPages(api: APIRequestContext, path: string): Promise<ListedNote[]> {
  const notes: ListedNote[] = [];
  let after: string | null = null;
  do {
    const response = await api.get(after ? `${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(after)}` : path);
    expect(response.status(), await response.text()).toBe(200);
    const page = (await response.json()) as { annotations: ListedNote[]; next: string | null };
    notes.push(...page.annotations);
    after = page.next;
  } while (after);
  return notes;
}

/**
 * Every note of the article the caller may see: the shared ones (the public list, page by page), then
 * the caller's own that others cannot see (private, hidden), as the reader's page gets them.
 */
export async function listNotes(api: APIRequestContext) {
  const shared = await allPages(api, `/api/articles/${slug}/annotations?limit=500`);
  const mine = await api.get(`/api/articles/${slug}/annotations/mine?limit=500`);
  if (mine.status() === 401) return shared;
  const ids = new Set(shared.map((note) => note.id));
  return [...shared, ...(await allPages(api, `/api/articles/${slug}/annotations/mine?limit=500`)).filter((note) => !ids.has(note.id))];
}

/**
 * A cacheable answer and its ETag, once the server has confirmed the tag with a 304. Other tests
 * write to the same article at the same time, so an answer may be outdated by the next request:
 * read again until the tag holds (their writes are a few and brief).
 */
export async function confirmedTag(read: (tag?: string) => Promise<APIResponse>) {
  let answer = await read();
  let notModified = answer;
  await expect
    .poll(async () => {
      const again = await read(answer.headers()['etag']);
      if (again.status() === 200) answer = again;
      else notModified = again;
      return again.status();
    })
    .toBe(304);
  return { answer, tag: answer.headers()['etag'], notModified };
}
