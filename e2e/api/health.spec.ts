import { expect, test } from './api-fixtures';

test('health: 200 with the database that answered', async ({ anonymous, databaseUrl }) => {
  const response = await anonymous.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  const body = await response.json();
  expect(body).toMatchObject({ status: 'ok', database: { ok: true, provider: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgresql' } });
});

test('every API answer carries a request id, and keeps the one a proxy sent', async ({ anonymous }) => {
  const own = await anonymous.get('/api/session');
  expect(own.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const given = await anonymous.get('/api/health', { headers: { 'X-Request-Id': 'nginx-0123456789abcdef' } });
  expect(given.headers()['x-request-id']).toBe('nginx-0123456789abcdef');
});
