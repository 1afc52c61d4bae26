// Editorial verdicts over HTTP (issue 16): who may publish, hostile bodies refused with a 4xx that
// stores nothing, and the ClaimReview document.
import { expect, slug, test } from './api-fixtures';

const path = (sentence: string) => `/api/articles/${slug}/sentences/${sentence}/verdict`;
// A sentence no other test reviews.
const sentence = 'p13-s1';

test('only editors and moderators publish; every hostile body is refused and nothing is stored', async ({
  newReader,
  newEditor,
  anonymous,
}) => {
  const reader = await newReader('Verdict Reader');
  const publish = { action: 'publish', rating: 'mixed', version: 0 };
  expect((await anonymous.post(path(sentence), { data: publish })).status()).toBe(401);
  expect((await reader.api.post(path(sentence), { data: publish })).status()).toBe(403);
  const editor = await newEditor();
  const before = (await (await anonymous.get(path(sentence))).json()).versions.length;
  for (const data of [
    { ...publish, rating: 'pants-on-fire' },
    { ...publish, sources: ['javascript:alert(1)'] },
    { ...publish, sources: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`) },
    { ...publish, reasoningEn: 'x'.repeat(5001) },
    { ...publish, editorId: 'someone-else' },
    { ...publish, version: -1 },
    { ...publish, version: 2 ** 40 },
    { rating: 'mixed', version: 0 },
    { action: 'withdraw' },
    [publish],
  ]) {
    const answer = await editor.api.post(path(sentence), { data });
    expect(answer.status(), JSON.stringify(data).slice(0, 80)).toBe(400);
  }
  expect((await editor.api.post(path('p99-s9'), { data: publish })).status()).toBe(404);
  expect((await editor.api.post(path('<script>'), { data: publish })).status()).toBe(404);
  expect((await editor.api.post(path(sentence), { data: '{"action":', headers: { 'content-type': 'application/json' } })).status()).toBe(
    400,
  );
  expect((await (await anonymous.get(path(sentence))).json()).versions.length).toBe(before);

  // A real one, then a stale one: 409 with the history.
  const current = before;
  const made = await editor.api.post(path(sentence), { data: { ...publish, version: current } });
  expect(made.status(), await made.text()).toBe(201);
  const stale = await editor.api.post(path(sentence), { data: { ...publish, version: current } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toBeTruthy();
});

test('the ClaimReview document is JSON-LD, and an unknown article answers 404', async ({ anonymous }) => {
  const answer = await anonymous.get(`/api/articles/${slug}/claims.jsonld`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^application\/ld\+json/);
  const document = await answer.json();
  expect(document['@context'][0]).toBe('https://schema.org');
  expect(Array.isArray(document['@graph'])).toBe(true);
  expect((await anonymous.get('/api/articles/nothing-here/claims.jsonld')).status()).toBe(404);
  expect((await anonymous.get(`/api/articles/${slug}/sentences/p99-s9/verdict`)).status()).toBe(404);
});
