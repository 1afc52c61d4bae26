import { expect, slug, test } from './api-fixtures';

// Issue 17: the words of one block of the article's Chinese, for the lookup card.

test('a block’s words: each sentence cut into words with pinyin in context, and each word’s entry; public, cacheable, revalidated by ETag', async ({
  anonymous,
}) => {
  const response = await anonymous.get(`/api/articles/${slug}/words/p02`);
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toMatch(/^public/);
  const etag = response.headers()['etag'];
  expect(etag).toMatch(/^"[\w-]+"$/);
  const piece = await response.json();
  expect(Object.keys(piece.sentences)).toEqual(['p02-s1', 'p02-s2', 'p02-s3', 'p02-s4', 'p02-s5']);
  expect(piece.sentences['p02-s2']).toContainEqual(['英伟达', 'yīng wěi dá']);
  expect(piece.sentences['p02-s2']).toContain('H800');
  expect(piece.words['英伟达'].senses[0].definitions.join(' ')).toContain('NVIDIA');
  // Only the block's words: a piece, never the article's whole list.
  expect(piece.words['迭代']).toBeUndefined();
  expect(JSON.stringify(piece).length).toBeLessThan(20_000);

  const again = await anonymous.get(`/api/articles/${slug}/words/p02`, { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
});

test('unknown articles and blocks, figures and hostile ids are a 404, never a 500', async ({ anonymous }) => {
  for (const path of [
    `/api/articles/no-such-article/words/p01`,
    `/api/articles/${slug}/words/p999`,
    `/api/articles/${slug}/words/f01`,
    `/api/articles/${slug}/words/constructor`,
    `/api/articles/${slug}/words/__proto__`,
    `/api/articles/${slug}/words/${encodeURIComponent('../ids')}`,
    `/api/articles/${encodeURIComponent('../content')}/words/p01`,
  ]) {
    const response = await anonymous.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error, path).toBeTruthy();
  }
  expect((await anonymous.post(`/api/articles/${slug}/words/p01`, { data: {} })).status()).toBe(405);
});
