import { createNote, expect, listNotes, test } from './api-fixtures';

test('flag, then a moderator hides: gone for everyone but the author, who is told why; restore brings it back', async ({
  newReader,
  newModerator,
  anonymous,
}) => {
  const author = await newReader('Author');
  const reader = await newReader('Reader');
  const note = await createNote(author, 'zh', '英伟达几乎是垄断者', { visibility: 'shared', body: 'spam spam' });

  expect((await anonymous.post(`/api/annotations/${note.id}/flags`, { data: { reason: 'spam' } })).status()).toBe(401);
  expect((await author.api.post(`/api/annotations/${note.id}/flags`, { data: { reason: 'spam' } })).status()).toBe(422);
  const short = await reader.api.post(`/api/annotations/${note.id}/flags`, { data: { reason: '' } });
  expect(short.status()).toBe(400);
  expect((await short.json()).error.issues[0].field).toBe('reason');
  expect((await reader.api.post(`/api/annotations/${note.id}/flags`, { data: { reason: 'advertising' } })).status()).toBe(201);
  expect((await reader.api.post(`/api/annotations/${note.id}/flags`, { data: { reason: 'again' } })).status()).toBe(409);

  // Only moderators see the queue or act.
  expect((await reader.api.get('/api/moderation/queue')).status()).toBe(403);
  expect((await anonymous.get('/api/moderation/queue')).status()).toBe(401);
  expect((await reader.api.post(`/api/annotations/${note.id}/moderation`, { data: { action: 'hide' } })).status()).toBe(403);

  const moderator = await newModerator();
  const queue = await (await moderator.api.get('/api/moderation/queue')).json();
  const item = queue.items.find((i: { annotation: { id: string } }) => i.annotation.id === note.id);
  expect(item.flags.map((f: { reason: string }) => f.reason)).toEqual(['advertising']);
  expect((await moderator.api.post(`/api/annotations/${note.id}/moderation`, { data: { action: 'delete' } })).status()).toBe(400);
  const hide = await moderator.api.post(`/api/annotations/${note.id}/moderation`, { data: { action: 'hide', reason: 'Advertising' } });
  expect(hide.status()).toBe(200);

  for (const api of [anonymous, reader.api, moderator.api]) expect((await listNotes(api)).some((n) => n.id === note.id)).toBe(false);
  const own = (await listNotes(author.api)).find((n) => n.id === note.id) as unknown as { hidden: { reason: string } };
  expect(own.hidden.reason).toBe('Advertising');
  expect((await reader.api.post(`/api/annotations/${note.id}/replies`, { data: { body: 'hello?' } })).status()).toBe(422);

  const open = await (await moderator.api.get('/api/moderation/queue')).json();
  expect(open.items.some((i: { annotation: { id: string } }) => i.annotation.id === note.id)).toBe(false);
  const hidden = await (await moderator.api.get('/api/moderation/queue?status=hidden')).json();
  expect(hidden.items.some((i: { annotation: { id: string } }) => i.annotation.id === note.id)).toBe(true);

  expect((await moderator.api.post(`/api/annotations/${note.id}/moderation`, { data: { action: 'restore' } })).status()).toBe(200);
  expect((await listNotes(anonymous)).some((n) => n.id === note.id)).toBe(true);
});

test('private notes cannot be flagged or moderated, and do not leak through either route', async ({ newReader, newModerator }) => {
  const author = await newReader('Author');
  const reader = await newReader('Reader');
  const moderator = await newModerator();
  const note = await createNote(author, 'zh', '英伟达几乎是垄断者', { body: 'my private thoughts' });
  const flag = await reader.api.post(`/api/annotations/${note.id}/flags`, { data: { reason: 'curious' } });
  expect(flag.status()).toBe(404);
  const moderate = await moderator.api.post(`/api/annotations/${note.id}/moderation`, { data: { action: 'hide' } });
  expect(moderate.status()).toBe(404);
  expect(await moderate.text()).not.toContain('private thoughts');
});
