import { collectEvents } from '../collect-events';
import { annotationBody, expect, slug, test } from './api-fixtures';

test('a shared note posted through one instance reaches a reader connected to the other within 2 s', async ({
  newReader,
  otherInstanceURL,
}) => {
  const writer = await newReader('Live writer');
  const text = `live ${Date.now()}`;
  const body = annotationBody('zh', '英伟达几乎是垄断者', { visibility: 'shared', body: text });
  let id = '';
  const stream = await collectEvents(
    `${otherInstanceURL}/api/articles/${slug}/events`,
    (events) => events.some((e) => e.event === 'annotation' && JSON.parse(e.data).annotation.id === id),
    10_000,
  );
  await stream.ready;

  const sent = Date.now();
  const response = await writer.api.post(`/api/articles/${slug}/annotations`, { data: body });
  expect(response.status()).toBe(201);
  id = (await response.json()).id;
  const events = await stream.finished;
  const arrived = Date.now() - sent;

  const event = events.find((e) => e.event === 'annotation' && JSON.parse(e.data).annotation.id === id);
  expect(event, 'the note was pushed to the other instance').toBeDefined();
  expect(JSON.parse(event!.data).annotation.body).toBe(text);
  expect(arrived).toBeLessThan(2_000);
});

test('private notes are never pushed; hiding or deleting a shared one is pushed as a removal', async ({ newReader, otherInstanceURL }) => {
  const writer = await newReader('Quiet writer');
  let sharedId = '';
  const stream = await collectEvents(
    `${otherInstanceURL}/api/articles/${slug}/events`,
    (events) => events.some((e) => e.event === 'removed' && JSON.parse(e.data).id === sharedId),
    10_000,
  );
  await stream.ready;
  const secret = `secret ${Date.now()}`;
  await writer.api.post(`/api/articles/${slug}/annotations`, { data: annotationBody('zh', '英伟达几乎是垄断者', { body: secret }) });
  const shared = await writer.api.post(`/api/articles/${slug}/annotations`, {
    data: annotationBody('en', 'Nvidia', { visibility: 'shared' }),
  });
  sharedId = (await shared.json()).id;
  expect((await writer.api.delete(`/api/annotations/${sharedId}`)).status()).toBe(204);
  const events = await stream.finished;
  expect(events.some((e) => e.event === 'removed' && JSON.parse(e.data).id === sharedId)).toBe(true);
  expect(JSON.stringify(events)).not.toContain(secret);
});

test('the event stream of an unknown article is a 404', async ({ anonymous }) => {
  const response = await anonymous.get('/api/articles/no-such-article/events');
  expect(response.status()).toBe(404);
});
