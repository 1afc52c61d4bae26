// Translation suggestions over HTTP (issue 15, part 4): who may +1 and decide, hostile bodies on the
// new routes refused with a 4xx that changes nothing, and the accepted patch as a download.
import { annotationBody, articleCanonical, createNote, expect, slug, test, type Reader } from './api-fixtures';

const phrase = '英伟达是算力投资最大受益者';

/** The English sentence aligned with the first sentence of `phrase`, as the article has it. */
function englishOf(sentenceId: string): string {
  const text = articleCanonical('en');
  const span = text.sentences.find((s) => s.id === sentenceId)!;
  return text.text.slice(span.start, span.end);
}

/** A shared translation of the English of the sentence `phrase` is in, reworded with `words` in front. */
async function suggest(author: Reader, words: string) {
  const { sentenceIds } = annotationBody('zh', phrase);
  const text = `${words} ${englishOf(sentenceIds[0])}`;
  const note = await createNote(author, 'zh', phrase, {
    kind: 'translation',
    visibility: 'shared',
    body: 'Closer to the Chinese.',
    suggestion: { lang: 'en', sentenceId: sentenceIds[0], text },
  });
  return { note, text };
}

test('a suggestion is shown as a diff, +1d once per reader, decided by editors alone, and comes out as a patch', async ({
  newReader,
  newEditor,
  anonymous,
}) => {
  const author = await newReader('Suggester');
  const fan = await newReader('Fan');
  const { note, text } = await suggest(author, `Reworded ${Date.now()}:`);
  expect(note.suggestion).toMatchObject({ lang: 'en', state: 'open', support: 0, text });
  expect(note.suggestion.diff.some((part: { change: string }) => part.change === 'added')).toBe(true);

  // +1: signed in, someone else's, once however often.
  expect((await anonymous.post(`/api/annotations/${note.id}/support`, { data: { support: true } })).status()).toBe(401);
  expect((await author.api.post(`/api/annotations/${note.id}/support`, { data: { support: true } })).status()).toBe(422);
  for (let i = 0; i < 3; i++) {
    const answer = await fan.api.post(`/api/annotations/${note.id}/support`, { data: { support: true } });
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({ id: note.id, support: 1, supported: true });
  }
  const seen = await (await anonymous.get(`/api/annotations/${note.id}`)).json();
  expect(seen.suggestion.support).toBe(1);

  // Decisions: editors only, on the version they saw.
  expect((await anonymous.post(`/api/annotations/${note.id}/decision`, { data: { state: 'accepted' } })).status()).toBe(401);
  expect((await fan.api.post(`/api/annotations/${note.id}/decision`, { data: { state: 'accepted' } })).status()).toBe(403);
  const editor = await newEditor();
  const stale = await editor.api.post(`/api/annotations/${note.id}/decision`, { data: { state: 'accepted', version: note.version + 5 } });
  expect(stale.status()).toBe(409);
  const accepted = await editor.api.post(`/api/annotations/${note.id}/decision`, { data: { state: 'accepted', version: note.version } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  expect((await accepted.json()).suggestion.state).toBe('accepted');
  // Decided: no more +1s, and the wording stays as it was decided.
  expect((await fan.api.post(`/api/annotations/${note.id}/support`, { data: { support: false } })).status()).toBe(422);
  expect((await author.api.patch(`/api/annotations/${note.id}`, { data: { suggestionText: 'Changed after the fact.' } })).status()).toBe(
    422,
  );

  const patch = await anonymous.get(`/api/articles/${slug}/suggestions/accepted.patch`);
  expect(patch.status()).toBe(200);
  expect(patch.headers()['content-type']).toMatch(/^text\/x-diff/);
  expect(patch.headers()['content-disposition']).toContain(`${slug}-accepted-suggestions.patch`);
  const diff = await patch.text();
  expect(diff).toContain(`+${text}`);
  expect(diff).toContain(`+++ b/content/${slug}/en.mdx`);
  expect(diff).toContain(`+++ b/content/${slug}/ids.json`);
  expect((await anonymous.get('/api/articles/no-such-article/suggestions/accepted.patch')).status()).toBe(404);
});

/** Bodies the +1 and decision routes must refuse with a 4xx, storing nothing. */
const hostile: { name: string; data?: unknown; raw?: string; contentType?: string; status: number }[] = [
  { name: 'broken JSON', raw: '{"support": ', status: 400 },
  { name: 'JSON null', raw: 'null', status: 400 },
  { name: 'a string for a boolean', data: { support: 'yes' }, status: 400 },
  { name: 'an extra field', data: { support: true, userId: 'someone-else' }, status: 400 },
  { name: 'a __proto__ key', raw: '{"__proto__":{"isAdmin":true},"support":true}', status: 400 },
  { name: 'form-encoded', raw: 'support=true', contentType: 'application/x-www-form-urlencoded', status: 415 },
  { name: 'a body over 2 KB', data: { support: true, pad: 'x'.repeat(3000) }, status: 413 },
];

for (const item of hostile) {
  test(`+1 refuses ${item.name} and counts nothing`, async ({ newReader }) => {
    const { note } = await suggest(await newReader('Suggester'), `Hostile ${item.name}:`);
    const fan = await newReader('Fan');
    const answer = await fan.api.post(`/api/annotations/${note.id}/support`, {
      ...(item.raw !== undefined ? { data: item.raw } : { data: item.data }),
      headers: { 'content-type': item.contentType ?? 'application/json' },
    });
    expect(answer.status(), await answer.text()).toBe(item.status);
    expect((await answer.json()).error).toBeTruthy();
    expect((await (await fan.api.get(`/api/annotations/${note.id}`)).json()).suggestion.support).toBe(0);
  });
}

test('decisions refuse malformed states and versions, and suggestions refuse what they may not say', async ({ newReader, newEditor }) => {
  const author = await newReader('Suggester');
  const { note } = await suggest(author, 'Malformed decisions:');
  const editor = await newEditor();
  for (const data of [
    { state: 'merged' },
    { state: 'accepted', version: 2 ** 40 },
    { state: 'accepted', version: 1.5 },
    {},
    { state: ['accepted'] },
  ]) {
    const answer = await editor.api.post(`/api/annotations/${note.id}/decision`, { data });
    expect(answer.status(), JSON.stringify(data)).toBe(400);
  }
  expect((await (await author.api.get(`/api/annotations/${note.id}`)).json()).suggestion.state).toBe('open');

  const { sentenceIds } = annotationBody('zh', phrase);
  const base = { kind: 'translation', visibility: 'shared' };
  const refused = async (suggestion: unknown, field: RegExp, status = 400) => {
    const answer = await author.api.post(`/api/articles/${slug}/annotations`, {
      data: annotationBody('zh', phrase, { ...base, suggestion }),
    });
    expect(answer.status(), JSON.stringify(suggestion)).toBe(status);
    expect((await answer.json()).error.issues.some((issue: { field: string }) => field.test(issue.field))).toBe(true);
  };
  await refused(undefined, /^suggestion$/);
  await refused({ lang: 'en', sentenceId: sentenceIds[0], text: 'x'.repeat(2001) }, /^suggestion\.text$/);
  await refused({ lang: 'en', sentenceId: sentenceIds[0], text: 'two\nlines' }, /^suggestion\.text$/);
  await refused({ lang: 'en', sentenceId: sentenceIds[0], text: 'evil\u202Etxt' }, /^suggestion\.text$/);
  await refused({ lang: 'fr', sentenceId: sentenceIds[0], text: 'Bonjour.' }, /^suggestion\.lang$/);
  await refused({ lang: 'en', sentenceId: 'p99-s1', text: 'Elsewhere.' }, /^suggestion\.sentenceId$/);
  await refused({ lang: 'en', sentenceId: sentenceIds[0], text: 'ok', extra: 1 }, /^suggestion$/);
  await refused({ lang: 'zh', sentenceId: sentenceIds[0], text: '改写原文。' }, /^suggestion\.lang$/, 422);
  await refused({ lang: 'en', sentenceId: sentenceIds[0], text: englishOf(sentenceIds[0]) }, /^suggestion\.text$/, 422);
});
