// Personal API tokens (issue 18): made, listed and revoked by a signed-in reader; a script acts as
// that reader with one, within its scope; never from another site's page that also sends cookies.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { annotationBody, createNote, expect, password, slug, test, type Reader } from './api-fixtures';
import { containerPath, postAnnotation, webAnnotation } from './w3c-support';

async function makeToken(reader: Reader, scope: 'read' | 'write', name = `${scope} script`) {
  const answer = await reader.api.post('/api/me/tokens', { data: { name, scope, password } });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: string; token: string; hint: string; scope: string; name: string };
}

/** A script: no cookies, no Origin, just the token. */
const scripts: APIRequestContext[] = [];
async function scriptWith(baseURL: string, token: string, headers: Record<string, string> = {}) {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}`, ...headers } });
  scripts.push(api);
  return api;
}
test.afterEach(async () => {
  await Promise.all(scripts.splice(0).map((api) => api.dispose()));
});

test('a token is shown once, listed by name and hint only, and acts as its reader on the JSON API and the container', async ({
  newReader,
  baseURL,
}) => {
  const reader = await newReader();
  const made = await makeToken(reader, 'write');
  expect(made.token).toMatch(/^rdr_[A-Za-z0-9_-]{43}$/);
  expect(made.token.startsWith(made.hint.replace('…', ''))).toBe(true);
  const list = await (await reader.api.get('/api/me/tokens')).json();
  expect(list.tokens.map((token: { id: string }) => token.id)).toEqual([made.id]);
  expect(JSON.stringify(list)).not.toContain(made.token);

  const privateNote = await createNote(reader, 'zh', '英伟达', { body: 'only mine' });
  const script = await scriptWith(baseURL!, made.token);
  expect((await (await script.get('/api/session')).json()).viewer.id).toBe(reader.id);
  expect((await script.get(`/api/annotations/${privateNote.id}`)).status()).toBe(200);
  const created = await script.post(`/api/articles/${slug}/annotations`, { data: annotationBody('en', 'Nvidia', { body: 'by script' }) });
  expect(created.status(), await created.text()).toBe(201);
  expect((await created.json()).author.id).toBe(reader.id);
  const viaContainer = await postAnnotation(script, webAnnotation(baseURL!, 'zh', '算力'));
  expect(viaContainer.status(), await viaContainer.text()).toBe(201);
  expect((await viaContainer.json()).creator.name).toBe(reader.name);
  const used = await (await reader.api.get('/api/me/tokens')).json();
  expect(used.tokens[0].lastUsedAt).not.toBeNull();
});

test('a read token reads, including its reader’s private notes, and may not write (403 insufficient_scope)', async ({
  newReader,
  baseURL,
}) => {
  const reader = await newReader();
  const privateNote = await createNote(reader, 'zh', '英伟达', { body: 'only mine' });
  const script = await scriptWith(baseURL!, (await makeToken(reader, 'read')).token);
  expect((await script.get(`/api/annotations/${privateNote.id}`)).status()).toBe(200);
  const last = await (await script.get(`${containerPath}?page=last&limit=50&iris=1`)).json();
  expect(last.items.some((iri: string) => iri.endsWith(privateNote.id))).toBe(true);
  const write = await script.post(`/api/articles/${slug}/annotations`, { data: annotationBody('en', 'Nvidia') });
  expect(write.status()).toBe(403);
  expect(write.headers()['www-authenticate']).toContain('insufficient_scope');
  expect((await script.delete(`/api/annotations/${privateNote.id}`)).status()).toBe(403);
  expect((await postAnnotation(script, webAnnotation(baseURL!, 'zh', '算力'))).status()).toBe(403);
  expect((await reader.api.get(`/api/annotations/${privateNote.id}`)).status()).toBe(200);
});

test('revoking a token takes effect at once; a mistyped or made-up token is 401, never served as a signed-out reader', async ({
  newReader,
  baseURL,
}) => {
  const reader = await newReader();
  const made = await makeToken(reader, 'write');
  const script = await scriptWith(baseURL!, made.token);
  expect((await script.get('/api/me/annotations')).status()).toBe(200);
  expect((await reader.api.delete(`/api/me/tokens/${made.id}`)).status()).toBe(204);
  const after = await script.get('/api/me/annotations');
  expect(after.status()).toBe(401);
  expect(after.headers()['www-authenticate']).toContain('invalid_token');
  expect((await script.get(`${containerPath}?page=first`)).status()).toBe(401);
  expect((await reader.api.delete(`/api/me/tokens/${made.id}`)).status()).toBe(404);

  for (const header of ['Bearer', `Bearer rdr_${'A'.repeat(43)}`, `Bearer ${made.token}x`, 'Bearer ' + 'x'.repeat(5000)]) {
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: header } });
    scripts.push(api);
    expect((await api.get('/api/session')).status(), header.slice(0, 30)).toBe(401);
  }
});

test('a token is refused from another site’s page that also sends cookies; without cookies, any origin may use it (CORS)', async ({
  newReader,
  baseURL,
}) => {
  const reader = await newReader();
  const made = await makeToken(reader, 'write');
  const cookie = (await reader.api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const crossWithCookies = await scriptWith(baseURL!, made.token, { Origin: 'https://evil.example', Cookie: cookie });
  expect((await crossWithCookies.get('/api/me/annotations')).status()).toBe(403);
  expect((await postAnnotation(crossWithCookies, webAnnotation(baseURL!, 'zh', '算力'))).status()).toBe(403);
  const fetchSite = await scriptWith(baseURL!, made.token, { 'Sec-Fetch-Site': 'cross-site', Cookie: cookie });
  expect((await fetchSite.get('/api/session')).status()).toBe(403);

  const crossWithoutCookies = await scriptWith(baseURL!, made.token, { Origin: 'https://tool.example' });
  const created = await postAnnotation(crossWithoutCookies, webAnnotation(baseURL!, 'zh', '算力'));
  expect(created.status(), await created.text()).toBe(201);
  expect(created.headers()['access-control-allow-origin']).toBe('*');
  expect(created.headers()['access-control-allow-credentials']).toBeUndefined();
  const preflight = await crossWithoutCookies.fetch(containerPath, {
    method: 'OPTIONS',
    headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
  });
  expect(preflight.status()).toBe(200);
  expect(preflight.headers()['access-control-allow-headers']).toMatch(/Authorization/);

  // Cookies alone from another site still cannot write, as before tokens.
  const cookiesOnly = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: 'https://evil.example', Cookie: cookie } });
  scripts.push(cookiesOnly);
  expect((await postAnnotation(cookiesOnly, webAnnotation(baseURL!, 'zh', '算力'))).status()).toBe(403);
});

test('tokens are managed signed in: a token cannot list, make or revoke tokens; names and scopes are checked; one reader keeps at most 20', async ({
  newReader,
  anonymous,
  baseURL,
}) => {
  const reader = await newReader();
  const made = await makeToken(reader, 'write');
  const script = await scriptWith(baseURL!, made.token);
  expect((await script.get('/api/me/tokens')).status()).toBe(403);
  expect((await script.post('/api/me/tokens', { data: { name: 'more', scope: 'write', password } })).status()).toBe(403);
  expect((await script.delete(`/api/me/tokens/${made.id}`)).status()).toBe(403);
  expect((await anonymous.get('/api/me/tokens')).status()).toBe(401);

  for (const [data, field] of [
    [{ name: '', scope: 'read', password }, 'name'],
    [{ name: 'x'.repeat(65), scope: 'read', password }, 'name'],
    [{ name: 'two\nlines', scope: 'read', password }, 'name'],
    [{ name: 'admin', scope: 'admin', password }, 'scope'],
    [{ name: 'no password', scope: 'read' }, 'password'],
    [{ name: 'extra', scope: 'read', password, userId: 'someone-else' }, '(body)'],
  ] as const) {
    const answer = await reader.api.post('/api/me/tokens', { data });
    expect(answer.status(), JSON.stringify(data)).toBe(400);
    expect((await answer.json()).error.issues[0].field).toBe(field);
  }
  const other = await newReader();
  expect((await other.api.delete(`/api/me/tokens/${made.id}`)).status()).toBe(404);
  expect((await script.get('/api/session')).status()).toBe(200);

  for (let i = 1; i < 20; i++) await makeToken(reader, 'read', `token ${i}`);
  const over = await reader.api.post('/api/me/tokens', { data: { name: 'one too many', scope: 'read', password } });
  expect(over.status()).toBe(422);
  expect((await (await reader.api.get('/api/me/tokens')).json()).tokens).toHaveLength(20);
});

test('making a token asks for the password again: a stolen session alone makes none; odd ids and other schemes are harmless', async ({
  newReader,
  baseURL,
}) => {
  const reader = await newReader();
  const wrong = await reader.api.post('/api/me/tokens', { data: { name: 'stolen', scope: 'write', password: 'not the password' } });
  expect(wrong.status()).toBe(403);
  expect((await wrong.json()).error.issues[0].field).toBe('password');
  expect((await (await reader.api.get('/api/me/tokens')).json()).tokens).toEqual([]);
  // Ids that name nothing, NUL included (PostgreSQL refuses it in a query): 404, not a 500.
  for (const id of ['%00', 'x%20y', '..%2f', 'a'.repeat(300)])
    expect((await reader.api.delete(`/api/me/tokens/${id}`)).status(), id).toBe(404);
  // A staging proxy's Basic credentials beside the session: the session still counts.
  const basic = await reader.api.get('/api/session', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
  expect((await basic.json()).viewer.id).toBe(reader.id);
  const made = await makeToken(reader, 'read');
  expect((await (await scriptWith(baseURL!, made.token)).get('/api/session')).status()).toBe(200);
});
