import { expect, test } from './api-fixtures';

test('health: 200 with the database that answered', async ({ anonymous, databaseUrl }) => {
  const response = await anonymous.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  const body = await response.json();
  expect(body).toMatchObject({ status: 'ok', database: { ok: true, provider: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql' } });
});
