// The public parts of an article's notes are cacheable HTTP: tagged with the article's revision, they
// answer 304 while nothing changed, on any instance, and 200 with the change once a write went
// through another instance.
import { confirmedTag, createNote, expect, slug, test } from './api-fixtures';

test('summary and sentence pages: 304 while unchanged, then 200 once another instance took a write', async ({
  newReader,
  anonymous,
  otherInstanceURL,
}) => {
  const writer = await newReader('Revalidating');
  const first = await createNote(writer, 'en', 'Nvidia', { visibility: 'shared', body: 'first' });
  const sentenceId = first.sentenceIds[0] as string;
  const paths = [`/api/articles/${slug}/summary`, `/api/articles/${slug}/sentences/${sentenceId}/annotations`];
  // Read on the other instance (the same one when there is only one).
  const read = (path: string, tag?: string) =>
    anonymous.get(`${otherInstanceURL}${path}`, { headers: tag ? { 'If-None-Match': tag } : {} });
  const tags: string[] = [];
  const answers = [];
  for (const path of paths) {
    const { answer, tag, notModified } = await confirmedTag((etag) => read(path, etag));
    expect(answer.status()).toBe(200);
    expect(answer.headers()['cache-control']).toBe('public, no-cache');
    expect(await notModified.text()).toBe('');
    answers.push(answer);
    tags.push(tag);
  }
  const before = (await answers[0].json()).sentences[sentenceId]?.notes ?? 0;

  await createNote(writer, 'en', 'Nvidia', { visibility: 'shared', body: 'second' });
  const summary = await read(paths[0], tags[0]);
  expect(summary.status()).toBe(200);
  // At least this write (other tests may add to the same sentence meanwhile).
  expect((await summary.json()).sentences[sentenceId].notes).toBeGreaterThanOrEqual(before + 1);
  const sentence = await read(`${paths[1]}?limit=50`, tags[1]);
  expect(sentence.status()).toBe(200);
  expect(sentence.headers()['etag']).not.toBe(tags[1]);
});

test('a page of a sentence never carries a private note, whoever asks', async ({ newReader }) => {
  const author = await newReader('Private');
  const secret = await createNote(author, 'en', 'Nvidia', { body: 'not for the public page' });
  for (const api of [author.api, (await newReader('Other')).api]) {
    const answer = await api.get(`/api/articles/${slug}/sentences/${secret.sentenceIds[0]}/annotations?limit=50`);
    expect(await answer.text()).not.toContain('not for the public page');
  }
});
