import { createNote, expect, slug, test } from './api-fixtures';

type Summary = { revision: number; since?: number; sentences: Record<string, { notes: number }> };

test('a reader holding the summary asks for what changed since: the sentences written to, and those left with no notes', async ({
  newReader,
  anonymous,
}) => {
  const writer = await newReader('Delta Writer');
  const leaving = await createNote(writer, 'zh', '仅用2048张英伟达H800芯片', { visibility: 'shared' });
  const held = (await (await anonymous.get(`/api/articles/${slug}/summary`)).json()) as Summary;
  expect(held.sentences[leaving.sentenceIds[0]].notes).toBeGreaterThanOrEqual(1);

  const added = await createNote(writer, 'en', 'Nvidia has been the biggest beneficiary', { visibility: 'shared' });
  const removed = await writer.api.delete(`/api/annotations/${leaving.id}`);
  expect(removed.status()).toBe(204);

  const answer = await anonymous.get(`/api/articles/${slug}/summary?since=${held.revision}`);
  expect(answer.status()).toBe(200);
  const delta = (await answer.json()) as Summary;
  expect(delta.since).toBe(held.revision);
  expect(delta.revision).toBeGreaterThanOrEqual(held.revision + 2);
  // Both sentences are in it (other tests write to this article too, so their counts are not known here).
  for (const sentenceId of [added.sentenceIds[0], leaving.sentenceIds[0]]) expect(Object.keys(delta.sentences)).toContain(sentenceId);
  expect(delta.sentences[added.sentenceIds[0]].notes).toBeGreaterThanOrEqual(1);
  expect(typeof delta.sentences[leaving.sentenceIds[0]].notes).toBe('number');

  for (const since of ['-1', 'x', '1.5', '99999999999']) {
    const refused = await anonymous.get(`/api/articles/${slug}/summary?since=${since}`);
    expect(refused.status(), since).toBe(400);
    expect((await refused.json()).error.issues[0].field).toBe('since');
  }
});
