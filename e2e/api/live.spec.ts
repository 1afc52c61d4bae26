import { readEventStream, type StreamEvent } from '../../scripts/test/event-stream';
import { annotationBody, expect, slug, test } from './api-fixtures';

/** Reads a server-sent event stream until `done` says it has what it waits for, or the time runs out. */
async function collectEvents(url: string, done: (events: StreamEvent[]) => boolean, ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const events: StreamEvent[] = [];
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const finished = (async () => {
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      await readEventStream(response, (event) => {
        events.push(event);
        if (event.event === 'ready') markReady();
        return done(events);
      });
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      clearTimeout(timer);
      controller.abort();
      markReady();
    }
    return events;
  })();
  return { ready, finished };
}

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
