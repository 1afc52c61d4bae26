import { randomUUID } from 'node:crypto';
import { expect, password, test } from './api-fixtures';

test('sign up, sign out, sign in: the session is an httpOnly cookie and no password comes back', async ({ anonymous }) => {
  const email = `${randomUUID()}@example.test`;
  const signUp = await anonymous.post('/api/auth/sign-up/email', { data: { name: '张三', email, password } });
  expect(signUp.status()).toBe(200);
  const text = await signUp.text();
  expect(text).not.toContain(password);
  const cookie = signUp.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/session_token=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).not.toMatch(/Secure/);

  const session = await (await anonymous.get('/api/auth/get-session')).json();
  expect(session.user).toMatchObject({ email, name: '张三' });

  expect((await anonymous.post('/api/auth/sign-out', { data: {} })).status()).toBe(200);
  expect(await (await anonymous.get('/api/auth/get-session')).json()).toBeNull();

  const signIn = await anonymous.post('/api/auth/sign-in/email', { data: { email, password } });
  expect(signIn.status()).toBe(200);
  expect(await signIn.text()).not.toContain(password);
});

test('a wrong password gets a clear answer, and repeated failures are limited whatever X-Forwarded-For says', async ({
  newReader,
  anonymous,
}) => {
  const { email } = await newReader();
  const wrong = await anonymous.post('/api/auth/sign-in/email', { data: { email, password: 'not the password' } });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).message).toMatch(/invalid email or password/i);

  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await anonymous.post('/api/auth/sign-in/email', {
      data: { email, password: `guess ${i}` },
      headers: { 'X-Forwarded-For': `203.0.113.${i + 1}` },
    });
    statuses.push(response.status());
    if (response.status() === 429) expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
  }
  expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
  expect(statuses.slice(4)).toEqual([429, 429]);

  // Locked means locked: even the right password waits.
  const right = await anonymous.post('/api/auth/sign-in/email', {
    data: { email, password },
    headers: { 'X-Forwarded-For': '198.51.100.7' },
  });
  expect(right.status()).toBe(429);
});

test('sign-up refuses short passwords and taken emails with their reason', async ({ newReader, anonymous }) => {
  const short = await anonymous.post('/api/auth/sign-up/email', {
    data: { name: 'X', email: `${randomUUID()}@example.test`, password: 'short' },
  });
  expect(short.status()).toBe(400);
  expect((await short.json()).code).toBe('PASSWORD_TOO_SHORT');
  const { email } = await newReader();
  const taken = await anonymous.post('/api/auth/sign-up/email', { data: { name: 'X', email, password } });
  expect(taken.status()).toBeGreaterThanOrEqual(400);
  expect(taken.status()).toBeLessThan(500);
  expect((await taken.json()).code).toMatch(/USER_ALREADY_EXISTS/);
});

test('after sign-out, the old session token is refused at once by every route, not just the auth route', async ({ newReader, anonymous }) => {
  const reader = await newReader();
  const { cookies } = await reader.api.storageState();
  const token = cookies.find((c) => /session_token$/.test(c.name))!;
  // The token alone (no signed cookie cache, which better-auth trusts for its 60 s by design).
  const headers = { cookie: `${token.name}=${token.value}` };
  const viewer = async () => (await (await anonymous.get('/api/session', { headers })).json()).viewer;
  expect(await viewer()).toMatchObject({ id: reader.id }); // now remembered by /api/session for a few seconds
  expect((await anonymous.post('/api/auth/sign-out', { headers, data: {} })).status()).toBe(200);
  expect(await viewer()).toBeNull();
});
