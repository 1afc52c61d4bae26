import { allPages, confirmedTag, createNote, expect, listNotes, slug, test } from './api-fixtures';

type Note = {
  id: string;
  deleted: boolean;
  body: string;
  resolved: boolean;
  replies: { id: string; body: string; bodyHtml: string; verdict: string | null }[];
};
const find = async (api: Parameters<typeof listNotes>[0], id: string) =>
  (await listNotes(api)).find((n) => n.id === id) as unknown as Note | undefined;

test('readers reply to a shared claim with their own verdicts; the thread is in every list', async ({ newReader, anonymous }) => {
  const author = await newReader('Author');
  const other = await newReader('Other');
  const claim = await createNote(author, 'zh', '英伟达是算力投资最大受益者。', { kind: 'claim', visibility: 'shared' });

  const reply = await other.api.post(`/api/annotations/${claim.id}/replies`, {
    data: { body: 'Not quite: see **Q3** <script>alert(1)</script>', verdict: 'disputed' },
  });
  expect(reply.status(), await reply.text()).toBe(201);
  const created = await reply.json();
  expect(created).toMatchObject({ annotationId: claim.id, verdict: 'disputed', author: { name: 'Other' } });
  expect(created.bodyHtml).toContain('<strong>Q3</strong>');
  expect(created.bodyHtml).not.toContain('<script');

  const seen = await find(anonymous, claim.id);
  expect(seen?.replies.map((r) => r.id)).toEqual([created.id]);

  // Only a claim's thread carries verdicts; empty replies are refused with the field named.
  const comment = await createNote(author, 'en', 'Nvidia', { visibility: 'shared' });
  const withVerdict = await other.api.post(`/api/annotations/${comment.id}/replies`, { data: { body: 'x', verdict: 'false' } });
  expect(withVerdict.status()).toBe(400);
  expect((await withVerdict.json()).error.issues[0].field).toBe('verdict');
  const empty = await other.api.post(`/api/annotations/${comment.id}/replies`, { data: { body: '   ' } });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.issues[0].field).toBe('body');
  expect((await find(anonymous, comment.id))?.replies).toEqual([]);
});

test('replies: author-only edits with versions, signed-out and private threads refused', async ({ newReader, anonymous }) => {
  const author = await newReader('Author');
  const other = await newReader('Other');
  const shared = await createNote(author, 'zh', '英伟达几乎是垄断者', { visibility: 'shared' });
  const mine = await createNote(author, 'zh', '英伟达是算力投资最大受益者。');

  expect((await anonymous.post(`/api/annotations/${shared.id}/replies`, { data: { body: 'hi' } })).status()).toBe(401);
  expect((await other.api.post(`/api/annotations/${mine.id}/replies`, { data: { body: 'hi' } })).status()).toBe(404);
  expect((await author.api.post(`/api/annotations/${mine.id}/replies`, { data: { body: 'hi' } })).status()).toBe(422);
  expect((await other.api.post(`/api/annotations/not-a-note/replies`, { data: { body: 'hi' } })).status()).toBe(404);

  const reply = await (await other.api.post(`/api/annotations/${shared.id}/replies`, { data: { body: 'first' } })).json();
  expect((await author.api.patch(`/api/replies/${reply.id}`, { data: { body: 'hijack' } })).status()).toBe(403);
  expect((await anonymous.delete(`/api/replies/${reply.id}`)).status()).toBe(401);

  const edited = await other.api.patch(`/api/replies/${reply.id}`, { data: { body: 'second', version: 1 } });
  expect(edited.status()).toBe(200);
  expect((await edited.json()).version).toBe(2);
  const stale = await other.api.patch(`/api/replies/${reply.id}`, { data: { body: 'third', version: 1 } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current.body).toBe('second');

  expect((await other.api.delete(`/api/replies/${reply.id}`)).status()).toBe(204);
  expect((await find(anonymous, shared.id))?.replies).toEqual([]);
});

test('deleting a note with replies leaves a placeholder; its last reply takes it away', async ({ newReader, anonymous }) => {
  const author = await newReader('Author');
  const other = await newReader('Other');
  const note = await createNote(author, 'zh', '英伟达几乎是垄断者', { visibility: 'shared', body: 'original words', tags: ['x'] });
  const reply = await (await other.api.post(`/api/annotations/${note.id}/replies`, { data: { body: 'an answer' } })).json();

  // A note with replies stays shared, so the replies never end up under a private note.
  const unshare = await author.api.patch(`/api/annotations/${note.id}`, { data: { visibility: 'private' } });
  expect(unshare.status()).toBe(422);
  expect((await unshare.json()).error.issues[0].field).toBe('visibility');

  expect((await author.api.delete(`/api/annotations/${note.id}`)).status()).toBe(204);
  const placeholder = await find(anonymous, note.id);
  expect(placeholder).toMatchObject({ deleted: true, body: '', tags: [] });
  expect(placeholder?.replies.map((r) => r.body)).toEqual(['an answer']);
  expect(JSON.stringify(await listNotes(anonymous))).not.toContain('original words');
  // The placeholder takes no edits, deletes or new replies.
  expect((await author.api.patch(`/api/annotations/${note.id}`, { data: { body: 'back' } })).status()).toBe(404);
  expect((await other.api.post(`/api/annotations/${note.id}/replies`, { data: { body: 'more' } })).status()).toBe(422);

  expect((await other.api.delete(`/api/replies/${reply.id}`)).status()).toBe(204);
  expect(await find(anonymous, note.id)).toBeUndefined();
});

test('the author of a question marks it resolved; other kinds and other readers cannot', async ({ newReader }) => {
  const author = await newReader('Author');
  const other = await newReader('Other');
  const question = await createNote(author, 'en', 'Nvidia', { kind: 'question', visibility: 'shared' });
  const resolved = await author.api.patch(`/api/annotations/${question.id}`, { data: { resolved: true } });
  expect(resolved.status()).toBe(200);
  expect((await resolved.json()).resolved).toBe(true);
  expect((await find(other.api, question.id))?.resolved).toBe(true);
  expect((await other.api.patch(`/api/annotations/${question.id}`, { data: { resolved: false } })).status()).toBe(403);

  const comment = await createNote(author, 'en', 'Nvidia', { visibility: 'shared' });
  const refused = await author.api.patch(`/api/annotations/${comment.id}`, { data: { resolved: true } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.issues[0].field).toBe('resolved');
  expect((await author.api.patch(`/api/annotations/${question.id}`, { data: { resolved: 'yes' } })).status()).toBe(400);
});

test('the shared notes change with every reply (no stale cache): a new revision, and the sentence shows the thread', async ({
  newReader,
  anonymous,
}) => {
  const author = await newReader('Author');
  const note = await createNote(author, 'zh', '英伟达几乎是垄断者', { visibility: 'shared' });
  const sentencePage = `/api/articles/${slug}/sentences/${note.sentenceIds[0]}/annotations?limit=50`;
  const { answer: before, tag } = await confirmedTag((etag) =>
    anonymous.get(`/api/articles/${slug}/summary`, { headers: etag ? { 'If-None-Match': etag } : {} }),
  );
  await author.api.post(`/api/annotations/${note.id}/replies`, { data: { body: 'self-answer' } });
  const after = await anonymous.get(`/api/articles/${slug}/summary`, { headers: { 'If-None-Match': tag } });
  expect(after.status()).toBe(200);
  const held = (await before.json()) as { revision: number };
  expect((await after.json()).revision).toBeGreaterThan(held.revision);
  const notes = await allPages(anonymous, sentencePage);
  expect((notes.find((n) => n.id === note.id) as unknown as Note).replies).toHaveLength(1);
});
