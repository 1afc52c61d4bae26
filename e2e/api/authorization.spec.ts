import type { APIRequestContext } from '@playwright/test';
import { annotationBody, createNote, expect, listNotes, slug, test, type Reader } from './api-fixtures';

type Who = 'signed out' | 'author' | 'other reader';
type Visibility = 'private' | 'shared';

// Expected status of each route for each caller and each kind of note. Private notes answer 404
// to anyone but their author, so their existence does not leak.
const expected: Record<'PATCH' | 'DELETE', Record<Who, Record<Visibility, number>>> = {
  PATCH: {
    'signed out': { private: 401, shared: 401 },
    author: { private: 200, shared: 200 },
    'other reader': { private: 404, shared: 403 },
  },
  DELETE: {
    'signed out': { private: 401, shared: 401 },
    author: { private: 204, shared: 204 },
    'other reader': { private: 404, shared: 403 },
  },
};

for (const visibility of ['private', 'shared'] as const) {
  for (const who of ['signed out', 'author', 'other reader'] as const) {
    test(`${who} and a ${visibility} note: list, create, edit, delete`, async ({ newReader, anonymous }) => {
      const author = await newReader('Author');
      const note = await createNote(author, 'zh', '英伟达是算力投资最大受益者。', { visibility, body: `secret ${visibility} body` });
      const caller: APIRequestContext = who === 'signed out' ? anonymous : who === 'author' ? author.api : (await newReader('Other')).api;

      // GET: shared notes for everyone, private ones for the author only.
      const seen = (await listNotes(caller)).find((n) => n.id === note.id);
      expect(!!seen).toBe(visibility === 'shared' || who === 'author');
      const raw = await (await caller.get(`/api/articles/${slug}/annotations`)).text();
      if (visibility === 'private' && who !== 'author') expect(raw).not.toContain('secret private body');

      // POST: signed-in readers only.
      const created = await caller.post(`/api/articles/${slug}/annotations`, { data: annotationBody('zh', '英伟达几乎是垄断者') });
      expect(created.status()).toBe(who === 'signed out' ? 401 : 201);

      const patch = await caller.patch(`/api/annotations/${note.id}`, { data: { body: 'changed' } });
      expect(patch.status()).toBe(expected.PATCH[who][visibility]);
      if (patch.status() !== 200) expect(await patch.text()).not.toContain('secret');

      const del = await caller.delete(`/api/annotations/${note.id}`);
      expect(del.status()).toBe(expected.DELETE[who][visibility]);

      // Whatever happened, only the author's own requests changed the note.
      const after = (await listNotes(author.api)).find((n) => n.id === note.id);
      if (who === 'author') expect(after).toBeUndefined();
      else expect(after?.body).toBe(`secret ${visibility} body`);
    });
  }
}

test('the article page never carries private notes in its HTML', async ({ newReader, anonymous }) => {
  const author: Reader = await newReader('Author');
  await createNote(author, 'en', 'Nvidia has been the biggest beneficiary', { body: 'my-private-marker-7731' });
  for (const api of [anonymous, author.api]) {
    const html = await (await api.get(`/en/articles/${slug}?view=bilingual`)).text();
    expect(html).toContain('Nvidia has been the biggest beneficiary');
    expect(html).not.toContain('my-private-marker-7731');
  }
});

test('unknown articles and annotations answer 404', async ({ newReader }) => {
  const reader = await newReader();
  expect((await reader.api.get('/api/articles/no-such-article/annotations')).status()).toBe(404);
  expect((await reader.api.post('/api/articles/no-such-article/annotations', { data: annotationBody('zh', '英伟达') })).status()).toBe(404);
  expect((await reader.api.patch('/api/annotations/does-not-exist', { data: { body: 'x' } })).status()).toBe(404);
  expect((await reader.api.delete('/api/annotations/does-not-exist')).status()).toBe(404);
});
