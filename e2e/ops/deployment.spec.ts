import fs from 'node:fs';
import path from 'node:path';
import { expect, request as requestContexts, test } from '@playwright/test';
import { annotationBody } from '../api/api-fixtures';
import { collectEvents } from '../collect-events';
import { startCluster } from './cluster';

const slug = 'deepseek-capex';
const password = 'correct horse battery';

// The deployment path of README ("Deploying on PostgreSQL"): the build `npm run test:e2e` made, two
// `npm start` instances migrating one new PostgreSQL database at once, nginx in front (deploy/nginx.conf).
test('two instances behind nginx share sessions, notes and live updates, and stop gracefully', async () => {
  test.setTimeout(180_000);
  const cluster = await startCluster({ slot: 0 });
  const [first, second] = cluster.instances;
  try {
    const health = await fetch(`${cluster.url}/api/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).database).toMatchObject({ provider: 'postgresql', ok: true });
    // nginx's request id reaches the app, which answers with it (and logs it).
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);

    const page = await fetch(`${cluster.url}/zh/articles/${slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    await page.text(); // nginx writes its log line once the whole answer is sent
    // nginx logs every request, pages included, as JSON with the id the app saw.
    const logged = async () =>
      fs
        .readFileSync(path.join(cluster.folder, 'access.log'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { requestId: string; uri: string; status: number; upstream: string });
    await expect
      .poll(async () => (await logged()).find((line) => line.requestId === health.headers.get('x-request-id')))
      .toMatchObject({
        uri: '/api/health',
        status: 200,
      });
    await expect
      .poll(async () => (await logged()).find((line) => line.uri === `/zh/articles/${slug}`))
      .toMatchObject({ status: 200, upstream: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });

    // Signed up through nginx: the session is one row in the shared database, good on every instance.
    const reader = await requestContexts.newContext({ baseURL: cluster.url, extraHTTPHeaders: { Origin: cluster.url } });
    const signUp = await reader.post('/api/auth/sign-up/email', {
      data: { name: 'Ops', email: `ops-${Date.now()}@example.test`, password },
    });
    expect(signUp.status(), await signUp.text()).toBe(200);
    const cookie = (await reader.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const instance of cluster.instances) {
      const session = await fetch(`${instance.url}/api/session`, { headers: { cookie } });
      expect((await session.json()).viewer?.name, `session on ${instance.url}`).toBe('Ops');
    }

    // A note written through the first instance is pushed to a reader of the second.
    let id = '';
    const stream = await collectEvents(
      `${second.url}/api/articles/${slug}/events`,
      (events) => events.some((e) => e.event === 'annotation' && JSON.parse(e.data).annotation.id === id),
      10_000,
    );
    await stream.ready;
    const created = await fetch(`${first.url}/api/articles/${slug}/annotations`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json', Origin: first.url },
      body: JSON.stringify(annotationBody('en', 'Nvidia', { visibility: 'shared', body: 'across instances' })),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    id = (await created.json()).id;
    expect((await stream.finished).some((e) => e.event === 'annotation' && JSON.parse(e.data).annotation.id === id)).toBe(true);
    const listed = await reader.get(`/api/articles/${slug}/annotations`);
    expect((await listed.json()).annotations.map((a: { id: string }) => a.id)).toContain(id);
    await reader.dispose();

    // SIGTERM, as a process manager sends it: each instance finishes and exits within seconds.
    for (const instance of cluster.instances) {
      const started = Date.now();
      await instance.stop('SIGTERM', 10_000);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  } finally {
    await cluster.stop();
  }
});
