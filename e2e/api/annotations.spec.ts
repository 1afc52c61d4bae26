import http from 'node:http';
import { annotationBody, createNote, expect, listNotes, slug, test } from './api-fixtures';

test('a signed-in reader creates, reads, edits and deletes a note', async ({ newReader }) => {
  const reader = await newReader('Ada');
  const created = await createNote(reader, 'zh', '美国科技四巨头2025年资本支出总额将超过3200万美元', {
    kind: 'claim',
    verdict: 'false',
    sourceUrl: 'https://example.com/capex',
    body: 'The four figures add up to **over $320 billion**.',
    tags: ['capex', 'slip', 'capex'],
    visibility: 'shared',
  });
  expect(created).toMatchObject({
    article: slug,
    lang: 'zh',
    blockId: 'p06',
    sentenceIds: ['p06-s1'],
    kind: 'claim',
    verdict: 'false',
    sourceUrl: 'https://example.com/capex',
    tags: ['capex', 'slip'],
    visibility: 'shared',
    version: 1,
    author: { id: reader.id, name: 'Ada' },
  });
  expect(created.target.selector).toEqual([
    expect.objectContaining({ type: 'TextQuoteSelector', exact: '美国科技四巨头2025年资本支出总额将超过3200万美元' }),
    expect.objectContaining({ type: 'TextPositionSelector' }),
  ]);
  expect(created.bodyHtml).toContain('<strong>over $320 billion</strong>');
  expect(Date.parse(created.createdAt)).not.toBeNaN();

  expect((await listNotes(reader.api)).map((n) => n.id)).toContain(created.id);

  const edited = await reader.api.patch(`/api/annotations/${created.id}`, {
    data: { body: 'Corrected.', verdict: 'disputed', version: 1 },
  });
  expect(edited.status()).toBe(200);
  expect(await edited.json()).toMatchObject({ body: 'Corrected.', verdict: 'disputed', version: 2 });

  const stale = await reader.api.patch(`/api/annotations/${created.id}`, { data: { body: 'Overwrite?', version: 1 } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current).toMatchObject({ body: 'Corrected.', version: 2 });

  expect((await reader.api.delete(`/api/annotations/${created.id}`)).status()).toBe(204);
  expect((await listNotes(reader.api)).map((n) => n.id)).not.toContain(created.id);
});

test('notes default to private highlights with no verdict', async ({ newReader }) => {
  const reader = await newReader();
  const created = await createNote(reader, 'en', 'Nvidia has been the biggest beneficiary', { kind: 'highlight' });
  expect(created).toMatchObject({ kind: 'highlight', visibility: 'private', verdict: null, sourceUrl: null, body: '', tags: [] });
});

test('a claim without a verdict is unverified, and changing its kind clears the verdict', async ({ newReader }) => {
  const reader = await newReader();
  const claim = await createNote(reader, 'en', 'Nvidia’s share price stood at $133.6', { kind: 'claim' });
  expect(claim.verdict).toBe('unverified');
  const response = await reader.api.patch(`/api/annotations/${claim.id}`, { data: { kind: 'comment' } });
  expect(await response.json()).toMatchObject({ kind: 'comment', verdict: null, sourceUrl: null });
});

test('a selection spanning sentences and paragraphs records every sentence it covers', async ({ newReader }) => {
  const reader = await newReader();
  const body = annotationBody('zh', '（约合1.8万亿元），同比增长63%。\n\n2025年，美国科技四巨头');
  expect(body).toMatchObject({ blockId: 'p04', sentenceIds: ['p04-s3', 'p05-s1'] });
  const response = await reader.api.post(`/api/articles/${slug}/annotations`, { data: body });
  expect(response.status()).toBe(201);
});

test("the public list is the same for everyone, compressed or not; a reader's private notes come only in their own list", async ({
  newReader,
  anonymous,
}) => {
  const reader = await newReader();
  await createNote(reader, 'zh', '英伟达几乎是垄断者', { visibility: 'shared', body: 'shared one' });
  await createNote(reader, 'zh', '英伟达是算力投资最大受益者', { body: 'private one' });
  const pages: unknown[] = [];
  for (const api of [anonymous, reader.api]) {
    const list = (acceptEncoding: string) =>
      api.get(`/api/articles/${slug}/annotations?limit=500`, { headers: { 'Accept-Encoding': acceptEncoding } });
    const [gzip, plain] = await Promise.all([list('gzip, deflate, br'), list('identity')]);
    expect(gzip.headers()['content-encoding']).toBe('gzip');
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect(gzip.headers()['vary']).toContain('Accept-Encoding');
    expect(gzip.headers()['cache-control']).toBe('public, no-cache');
    expect(await gzip.json()).toEqual(await plain.json());
    pages.push(await plain.json());
  }
  // Public: the same answer whoever asks, so any cache may keep it.
  expect(pages[0]).toEqual(pages[1]);
  expect(JSON.stringify(pages[1])).not.toContain('private one');
  const mine = await reader.api.get(`/api/articles/${slug}/annotations/mine`);
  expect(mine.headers()['cache-control']).toBe('private, no-store');
  expect(((await mine.json()).annotations as { body: string }[]).map((n) => n.body).sort()).toEqual(['private one', 'shared one']);
  expect((await anonymous.get(`/api/articles/${slug}/annotations/mine`)).status()).toBe(401);
});

test('the list route answers HEAD without a body, and other methods with 405 naming the allowed ones', async ({ anonymous }) => {
  const head = await anonymous.fetch(`/api/articles/${slug}/annotations`, { method: 'HEAD' });
  expect(head.status()).toBe(200);
  expect(head.headers()['content-type']).toContain('application/json');
  expect((await head.body()).length).toBe(0);
  const put = await anonymous.fetch(`/api/articles/${slug}/annotations`, { method: 'PUT', data: {} });
  expect(put.status()).toBe(405);
  // The gate in front of Next answers, from the route table (lib/http/route-table.ts).
  expect(put.headers()['allow']).toBe('GET, HEAD, POST, OPTIONS');
  expect((await put.json()).error.message).toMatch(/PUT is not allowed here/);
  const options = await anonymous.fetch(`/api/articles/${slug}/annotations`, { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS']) expect(options.headers()['allow']).toContain(method);
});

test('a Host header that makes no URL gets the list, not a 500', async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  for (const host of ['a b', 'x:99999999', 'ex[ample']) {
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ hostname, port, path: `/api/articles/${slug}/annotations`, headers: { Host: host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status, `Host: ${host}`).toBe(200);
  }
});

test('a note says when it was written, and that it was edited only when its author changed what it says', async ({
  newReader,
  newModerator,
}) => {
  const author = await newReader('Author');
  const moderator = await newModerator();
  const note = await createNote(author, 'en', 'Nvidia has been the biggest beneficiary', { kind: 'question', body: 'Is it?' });
  expect(note.editedAt).toBeNull();
  const patch = async (data: Record<string, unknown>) => {
    const response = await author.api.patch(`/api/annotations/${note.id}`, { data });
    expect(response.status(), JSON.stringify(data)).toBe(200);
    return (await response.json()) as { createdAt: string; editedAt: string | null };
  };
  // Sharing it, marking it answered, a moderator hiding and restoring it: none of these is an edit.
  expect(await patch({ visibility: 'shared' })).toMatchObject({ createdAt: note.createdAt, editedAt: null });
  expect(await patch({ resolved: true })).toMatchObject({ createdAt: note.createdAt, editedAt: null });
  for (const action of ['hide', 'restore']) {
    expect((await moderator.api.post(`/api/annotations/${note.id}/moderation`, { data: { action, reason: 'Checking' } })).status()).toBe(
      200,
    );
  }
  const mine = (await listNotes(author.api)).find((n) => n.id === note.id)!;
  expect(mine).toMatchObject({ createdAt: note.createdAt, editedAt: null });

  // Changing its words, tags or kind is.
  const reworded = await patch({ body: 'Is it, though?' });
  expect(reworded.createdAt).toBe(note.createdAt);
  expect(Date.parse(reworded.editedAt!)).toBeGreaterThanOrEqual(Date.parse(note.createdAt));
  const retagged = await patch({ tags: ['nvidia'] });
  expect(Date.parse(retagged.editedAt!)).toBeGreaterThanOrEqual(Date.parse(reworded.editedAt!));
});
