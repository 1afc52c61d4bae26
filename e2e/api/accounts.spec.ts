import { randomUUID } from 'node:crypto';
import { annotationBody, expect, password, slug, test } from './api-fixtures';

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

test('after sign-out, the old session token is refused at once by every route, not just the auth route', async ({
  newReader,
  anonymous,
}) => {
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

/** A sign-in body in each encoding better-auth would parse. */
const encodings: Record<string, (email: string, password: string) => { body: string | Buffer; type: string }> = {
  json: (email, password) => ({ body: JSON.stringify({ email, password }), type: 'application/json' }),
  'json with charset': (email, password) => ({ body: JSON.stringify({ email, password }), type: 'application/json; charset=utf-8' }),
  'form-encoded': (email, password) => ({
    body: new URLSearchParams({ email, password }).toString(),
    type: 'application/x-www-form-urlencoded',
  }),
  'form-encoded, email given twice (better-auth reads the last)': (email, password) => ({
    body: `email=someone-else%40example.test&email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}`,
    type: 'application/x-www-form-urlencoded',
  }),
};

/** Encodings better-auth would also parse, which no page of ours sends: refused before they reach it. */
const refusedEncodings: Record<string, (email: string, password: string) => { body: string; type: string }> = {
  multipart: (email, password) => ({
    body: `--b\r\nContent-Disposition: form-data; name="email"\r\n\r\n${email}\r\n--b\r\nContent-Disposition: form-data; name="password"\r\n\r\n${password}\r\n--b--\r\n`,
    type: 'multipart/form-data; boundary=b',
  }),
  'a +json type': (email, password) => ({ body: JSON.stringify({ email, password }), type: 'application/vnd.api+json' }),
  'plain text': (email, password) => ({ body: JSON.stringify({ email, password }), type: 'text/plain' }),
};

test('the lockout counts sign-ins in every encoding better-auth accepts, and holds for each', async ({ newReader, anonymous }) => {
  const { email } = await newReader();
  const send = (encoding: { body: string | Buffer; type: string }) =>
    anonymous.post('/api/auth/sign-in/email', { data: encoding.body, headers: { 'Content-Type': encoding.type } });
  const names = Object.keys(encodings);
  // Five wrong passwords, in turn in each encoding: each one counts.
  const wrong: number[] = [];
  for (let i = 0; i < 5; i++) wrong.push((await send(encodings[names[i % names.length]](email, `guess number ${i}`))).status());
  expect(wrong).toEqual([401, 401, 401, 401, 401]);
  // Locked, whatever the encoding, even with the right password.
  for (const name of names) {
    const answer = await send(encodings[name](email, password));
    expect(answer.status(), name).toBe(429);
    expect((await answer.json()).reason).toBe('accountLocked');
  }
});

test('encodings no page sends are refused before better-auth reads them, and never evaluated', async ({ newReader, anonymous }) => {
  const { email } = await newReader();
  for (const [name, encode] of Object.entries(refusedEncodings)) {
    const { body, type } = encode(email, password);
    const answer = await anonymous.post('/api/auth/sign-in/email', { data: body, headers: { 'Content-Type': type } });
    expect(answer.status(), name).toBe(415);
  }
  // None of them counted as a failure, nor signed anyone in.
  expect((await anonymous.post('/api/auth/sign-in/email', { data: { email, password } })).status()).toBe(200);
});

test('40 wrong passwords sent at once: exactly 5 are checked, the other 35 wait', async ({ newReader, baseURL }) => {
  const { email } = await newReader();
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      fetch(`${baseURL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: baseURL! },
        body: JSON.stringify({ email, password: `parallel guess ${i}` }),
      }).then((response) => response.status),
    ),
  );
  const counts = answers.reduce<Record<number, number>>((acc, status) => ({ ...acc, [status]: (acc[status] ?? 0) + 1 }), {});
  expect(counts).toEqual({ 401: 5, 429: 35 });
});

test('sign-up refuses weak passwords with the reason, and passwords under 10 characters', async ({ anonymous }) => {
  const signUp = (password: string, name = 'Weak') =>
    anonymous.post('/api/auth/sign-up/email', { data: { name, email: `${randomUUID()}@example.test`, password } });
  for (const [weak, reason] of [
    ['1234567890', 'common'],
    ['          ', 'pattern'],
    ['password12', 'common'],
  ] as const) {
    const answer = await signUp(weak);
    expect(answer.status(), weak).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', reason });
  }
  for (const short of ['12345678', '        ', 'abc']) expect((await (await signUp(short)).json()).code).toBe('PASSWORD_TOO_SHORT');
  expect((await signUp('danielhart', 'Daniel Hart')).status()).toBe(400);
  expect((await signUp('quiet ledger orbit 42')).status()).toBe(200);
});

test('display names: trimmed and bounded, no control characters, no markup, no copy of a moderator', async ({
  anonymous,
  newModerator,
  newReader,
}) => {
  const signUp = (name: unknown) =>
    anonymous.post('/api/auth/sign-up/email', { data: { name, email: `${randomUUID()}@example.test`, password } });
  const refused: [string, unknown, string][] = [
    ['empty', '', 'empty'],
    ['blank', '   ', 'empty'],
    ['65 characters', 'x'.repeat(65), 'tooLong'],
    ['a right-to-left override', 'Ada\u202Eevil', 'invisible'],
    ['a newline', 'Ada\nLovelace', 'invisible'],
    ['HTML', '<img src=x onerror=alert(1)>', 'markup'],
    ['a reserved name', 'Moderator', 'reserved'],
  ];
  for (const [what, name, reason] of refused) {
    const answer = await signUp(name);
    expect(answer.status(), what).toBe(400);
    expect(await answer.json(), what).toMatchObject({ code: 'INVALID_NAME', reason });
  }
  // Stored trimmed, runs of spaces made one.
  const kept = await signUp('  Ada   Lovelace  ');
  expect(kept.status()).toBe(200);
  expect((await kept.json()).user.name).toBe('Ada Lovelace');

  const moderator = await newModerator();
  const renamed = await moderator.api.post('/api/auth/update-user', { data: { name: `Zhao ${randomUUID().slice(0, 8)}` } });
  expect(renamed.status(), await renamed.text()).toBe(200);
  const moderatorName = (await (await moderator.api.get('/api/auth/get-session')).json()).user.name as string;
  const copy = await signUp(`  ${moderatorName.toUpperCase().replace(' ', '_')} `);
  expect(copy.status()).toBe(400);
  expect((await copy.json()).reason).toBe('moderator');

  // update-user is held to the same rules, and takes no profile picture.
  const reader = await newReader();
  const renamedLong = await reader.api.post('/api/auth/update-user', { data: { name: 'y'.repeat(100) } });
  expect(renamedLong.status()).toBe(400);
  expect((await renamedLong.json()).reason).toBe('tooLong');
  const image = await reader.api.post('/api/auth/update-user', { data: { image: `https://example.com/${'a'.repeat(5000)}` } });
  expect(image.status()).toBe(400);
  const huge = await reader.api.post('/api/auth/update-user', { data: { name: 'z'.repeat(5_000_000) } });
  expect(huge.status()).toBe(413);
  expect((await (await reader.api.get('/api/auth/get-session')).json()).user.name).toBe('Reader');
});

test('emails longer than 254 characters are refused', async ({ anonymous }) => {
  const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.test`;
  const answer = await anonymous.post('/api/auth/sign-up/email', { data: { name: 'Long', email, password } });
  expect(answer.status()).toBe(400);
});

test('after sign-out, the whole old cookie (session and any cache) cannot write at once, nor read', async ({ newReader, anonymous }) => {
  const reader = await newReader();
  const cookie = (await reader.api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const headers = { cookie };
  const write = () =>
    anonymous.post(`/api/articles/${slug}/annotations`, { headers, data: annotationBody('zh', '英伟达', { body: 'after sign-out' }) });
  expect((await anonymous.get('/api/session', { headers }).then((r) => r.json())).viewer).toMatchObject({ id: reader.id });
  // Signed out through the reader's own context (the same cookies).
  expect((await reader.api.post('/api/auth/sign-out', { data: {} })).status()).toBe(200);
  expect((await write()).status()).toBe(401);
  expect((await anonymous.get('/api/session', { headers }).then((r) => r.json())).viewer).toBeNull();
  expect(await (await anonymous.get('/api/auth/get-session', { headers })).json()).toBeNull();
});

test('account endpoints no page uses answer 404', async ({ anonymous, newReader }) => {
  const reader = await newReader();
  for (const path of [
    '/api/auth/verify-password',
    '/api/auth/delete-user',
    '/api/auth/change-email',
    '/api/auth/request-password-reset',
    '/api/auth/sign-in/social',
  ])
    expect((await reader.api.post(path, { data: { password, email: 'x@example.test' } })).status(), path).toBe(404);
  expect((await anonymous.get('/api/auth/list-accounts')).status()).toBe(404);
});
