// The deployment's nginx keeps the public parts of an article's notes for a second (deploy/nginx.conf):
// repeated reads are answered by nginx, and no private or hidden note ever comes out of its cache,
// for anyone, whatever cookies they bring.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signUp } from '../../scripts/test/accounts';
import { raisedLimits } from '../../scripts/test/raised-limits';
import { annotationBody } from '../api/api-fixtures';
import { startCluster, type Cluster } from './cluster';

const slug = 'deepseek-capex';
// One worker, one cluster: its ports are this spec's slot.
test.describe.configure({ mode: 'serial' });
let cluster: Cluster;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster({ slot: 5, env: raisedLimits });
});
test.afterAll(async () => cluster?.stop());

const get = (path: string, cookie?: string) =>
  fetch(`${cluster.url}${path}`, { headers: { ...(cookie ? { cookie } : {}), 'Accept-Encoding': 'gzip' } });

test('repeated public reads are answered by nginx; a private note never comes out of the cache', async () => {
  const author = await signUp(cluster.url, 'Cached');
  const other = await signUp(cluster.url, 'Other');
  const secret = `private-${randomUUID()}`;
  const post = async (fields: Record<string, unknown>) => {
    const response = await fetch(`${cluster.url}/api/articles/${slug}/annotations`, {
      method: 'POST',
      headers: { cookie: author, Origin: cluster.url, 'Content-Type': 'application/json' },
      body: JSON.stringify(annotationBody('en', 'Nvidia', fields)),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; sentenceIds: string[] };
  };
  const shared = await post({ visibility: 'shared', body: 'public words' });
  await post({ body: secret });
  const publicPaths = [
    `/api/articles/${slug}/summary`,
    `/api/articles/${slug}/annotations?limit=500`,
    `/api/articles/${slug}/sentences/${shared.sentenceIds[0]}/annotations?limit=50`,
  ];
  // The author first (whose cookie could only ever add their own notes), then everyone else.
  for (const cookie of [author, other, undefined, author])
    for (const path of publicPaths) {
      const response = await get(path, cookie);
      expect(response.status).toBe(200);
      expect(await response.text(), `${path} for ${cookie === author ? 'the author' : cookie ? 'another reader' : 'anyone'}`).not.toContain(
        secret,
      );
    }
  // Within its second, the same read is a hit.
  const statuses: string[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await get(publicPaths[0])).headers.get('x-cache-status') ?? '');
  expect(statuses).toContain('HIT');
  // The reader's own notes are never cached: the author gets the secret, nobody else does.
  const mine = (cookie: string) => get(`/api/articles/${slug}/annotations/mine`, cookie);
  expect(await (await mine(author)).text()).toContain(secret);
  expect(await (await mine(other)).text()).not.toContain(secret);
  expect((await mine(other)).headers.get('x-cache-status')).toBeNull();
});

test('a write shows in the public answers within a second, through nginx, on every instance', async () => {
  const author = await signUp(cluster.url, 'Fresh');
  const summary = async () => ((await (await get(`/api/articles/${slug}/summary`)).json()) as { totals: { notes: number } }).totals.notes;
  const before = await summary();
  await summary(); // cached now
  const response = await fetch(`${cluster.instances[1].url}/api/articles/${slug}/annotations`, {
    method: 'POST',
    headers: { cookie: author, Origin: cluster.instances[1].url, 'Content-Type': 'application/json' },
    body: JSON.stringify(annotationBody('zh', '英伟达', { visibility: 'shared' })),
  });
  expect(response.status).toBe(201);
  await expect.poll(summary, { timeout: 3_000, intervals: [250] }).toBe(before + 1);
});
