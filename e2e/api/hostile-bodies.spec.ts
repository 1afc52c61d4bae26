// Bodies attackers send, to every route, /api/auth included: sizes from 1 KB to 20 MB, declared and
// chunked, nesting millions deep, every content type. The server must answer each with a 4xx (or
// ignore a body it does not read), stay the same process, and keep its memory under its limit.
import fc from 'fast-check';
import { hostileBody, bodyShapes, contentTypes, sizeClasses, type SizeClass } from '../../scripts/test/hostile-bodies';
import { rawRequest } from '../../scripts/test/raw-request';
import { listeningPid, processMemoryMb } from '../../scripts/test/server-process';
import { createNote, expect, slug, test, type Reader } from './api-fixtures';

/** The server's resident memory may not pass this (MB): its V8 heap cap (160 MB) and room for the rest. */
const rssLimitMb = Number(process.env.SERVER_RSS_LIMIT_MB ?? 480);

const portOf = (baseURL: string) => Number(new URL(baseURL).port);
const cookieOf = async (reader: Reader) =>
  (await reader.api.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');

/** Proves the server that answered at the start is the one answering now, and reads its memory. */
async function expectSameServer(baseURL: string, pid: number | undefined) {
  expect(pid, 'the server process was found').toBeDefined();
  expect(listeningPid(portOf(baseURL)), 'the same process still listens').toBe(pid);
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
  const memory = processMemoryMb(pid!);
  expect(memory.peak, `peak resident memory ${memory.peak.toFixed(0)} MB`).toBeLessThan(rssLimitMb);
}

const json = { 'Content-Type': 'application/json' };

test.describe('bodies that used to exhaust the heap', () => {
  test('4 MB of JSON nested two million deep, sent to sign-up without an account: 413, and the server lives', async ({ baseURL }) => {
    const pid = listeningPid(portOf(baseURL!));
    for (const chunked of [false, true]) {
      const answer = await rawRequest({
        url: `${baseURL}/api/auth/sign-up/email`,
        method: 'POST',
        headers: { ...json, Origin: baseURL! },
        body: hostileBody('deep-arrays', sizeClasses['4 MB']),
        chunked,
      });
      expect(answer.status, answer.text).toBe(413);
    }
    await expectSameServer(baseURL!, pid);
  });

  test('4 MB of tiny objects sent to sign-in: 413, and the server lives', async ({ baseURL }) => {
    const pid = listeningPid(portOf(baseURL!));
    for (const chunked of [false, true]) {
      const answer = await rawRequest({
        url: `${baseURL}/api/auth/sign-in/email`,
        method: 'POST',
        headers: { ...json, Origin: baseURL! },
        body: hostileBody('many-objects', sizeClasses['4 MB']),
        chunked,
      });
      expect(answer.status, answer.text).toBe(413);
    }
    await expectSameServer(baseURL!, pid);
  });

  test('a 10 MB import of five million nested arrays from a signed-in reader: 413, and the server lives', async ({
    baseURL,
    newReader,
  }) => {
    const pid = listeningPid(portOf(baseURL!));
    const cookie = await cookieOf(await newReader());
    for (const chunked of [false, true]) {
      const answer = await rawRequest({
        url: `${baseURL}/api/annotations/import`,
        method: 'POST',
        headers: { ...json, Origin: baseURL!, cookie },
        body: hostileBody('deep-arrays', 10_000_000),
        chunked,
      });
      expect(answer.status, answer.text).toBe(413);
    }
    await expectSameServer(baseURL!, pid);
  });

  test('JSON nested deeper than any note needs, inside the size limit: 400 naming the depth', async ({ baseURL, newReader }) => {
    const cookie = await cookieOf(await newReader());
    for (const [path, headers] of [
      [`/api/articles/${slug}/annotations`, { cookie }],
      ['/api/auth/sign-in/email', {}],
    ] as const) {
      const answer = await rawRequest({
        url: `${baseURL}${path}`,
        method: 'POST',
        headers: { ...json, Origin: baseURL!, ...headers },
        body: hostileBody('deep-arrays', 4_000),
      });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.text).toMatch(/deep/i);
    }
  });
});

test.describe('methods a route does not serve', () => {
  for (const method of ['TRACE', 'PROPFIND', 'CONNECT']) {
    for (const path of ['/api/session', '/api/auth/get-session', `/api/articles/${slug}/annotations`, '/zh']) {
      test(`${method} ${path}: 405 with Allow and the security headers`, async ({ baseURL }) => {
        // CONNECT takes an authority, not a path, in HTTP; a path still reaches the server.
        const answer = await rawRequest({ url: `${baseURL}${path}`, method });
        expect(answer.status, answer.text).toBe(405);
        expect(answer.headers.allow).toMatch(/GET/);
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      });
    }
  }
});

/** Every route that takes a body, and a few that do not (a body sent to them must be ignored or refused). */
function routes(ids: { note: string; reply: string }) {
  return [
    { method: 'POST', path: '/api/auth/sign-up/email' },
    { method: 'POST', path: '/api/auth/sign-in/email' },
    { method: 'POST', path: '/api/auth/sign-out' },
    { method: 'POST', path: '/api/auth/update-user' },
    { method: 'POST', path: '/api/auth/change-password' },
    { method: 'POST', path: `/api/articles/${slug}/annotations` },
    { method: 'PATCH', path: `/api/annotations/${ids.note}` },
    { method: 'DELETE', path: `/api/annotations/${ids.note}x` },
    { method: 'POST', path: `/api/annotations/${ids.note}/replies` },
    { method: 'POST', path: `/api/annotations/${ids.note}/flags` },
    { method: 'POST', path: `/api/annotations/${ids.note}/moderation` },
    { method: 'POST', path: `/api/annotations/${ids.note}/support` },
    { method: 'POST', path: `/api/annotations/${ids.note}/decision` },
    { method: 'POST', path: `/api/articles/${slug}/sentences/p02-s2/verdict` },
    { method: 'PATCH', path: `/api/replies/${ids.reply}` },
    { method: 'POST', path: '/api/annotations/import' },
    { method: 'PUT', path: '/api/me/highlight-names' },
    { method: 'POST', path: `/api/w3c/${slug}/` },
    { method: 'PUT', path: `/api/w3c/${slug}/${ids.note}` },
    { method: 'DELETE', path: `/api/w3c/${slug}/${ids.note}` },
    { method: 'POST', path: '/api/me/tokens' },
    { method: 'DELETE', path: '/api/me/tokens/x' },
    { method: 'POST', path: '/api/me/words' },
    { method: 'DELETE', path: '/api/me/words/x' },
    { method: 'POST', path: '/api/me/words/x/review' },
    { method: 'GET', path: `/api/articles/${slug}/annotations` },
    { method: 'GET', path: `/api/articles/${slug}/annotations/mine` },
    { method: 'GET', path: `/api/articles/${slug}/summary` },
    { method: 'GET', path: `/api/articles/${slug}/sentences/p02-s1/annotations` },
    { method: 'GET', path: `/api/annotations/${ids.note}` },
    { method: 'GET', path: `/api/articles/${slug}/suggestions/accepted.patch` },
    { method: 'GET', path: `/api/articles/${slug}/claims.jsonld` },
    { method: 'GET', path: `/api/articles/${slug}/words/p01` },
    { method: 'GET', path: `/api/articles/${slug}/sentences/p02-s2/verdict` },
    { method: 'GET', path: '/api/session' },
    { method: 'GET', path: '/api/me/highlight-names' },
    { method: 'GET', path: `/api/w3c/${slug}/` },
    { method: 'GET', path: `/api/w3c/${slug}/${ids.note}` },
    { method: 'GET', path: '/api/me/tokens' },
    { method: 'GET', path: '/api/me/words' },
    { method: 'GET', path: '/api/me/words/review' },
    { method: 'GET', path: '/api/me/words/export' },
    { method: 'GET', path: '/api/auth/get-session' },
    { method: 'POST', path: '/zh' },
  ];
}

test('generated hostile bodies on every route: never a 5xx, the same server process, memory under its limit', async ({
  baseURL,
  newReader,
}) => {
  test.setTimeout(240_000);
  const pid = listeningPid(portOf(baseURL!));
  const author = await newReader('Author');
  const note = await createNote(author, 'zh', '英伟达', { visibility: 'shared' });
  const reply = await (await author.api.post(`/api/annotations/${note.id}/replies`, { data: { body: 'reply' } })).json();
  const attacker = await cookieOf(await newReader('Attacker'));
  const sizes = Object.keys(sizeClasses) as SizeClass[];
  const answers = new Map<number, number>();

  await fc.assert(
    fc.asyncProperty(
      fc.record({
        route: fc.constantFrom(...routes({ note: note.id, reply: reply.id })),
        shape: fc.constantFrom(...bodyShapes),
        // Small bodies are cheap and many; the largest are few but always there.
        size: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...sizes.slice(0, 3)) },
          { weight: 1, arbitrary: fc.constantFrom(...sizes.slice(3)) },
        ),
        contentType: fc.constantFrom(...contentTypes),
        chunked: fc.boolean(),
        signedIn: fc.boolean(),
      }),
      async ({ route, shape, size, contentType, chunked, signedIn }) => {
        const answer = await rawRequest({
          url: `${baseURL}${route.path}`,
          method: route.method,
          headers: { Origin: baseURL!, ...(contentType ? { 'Content-Type': contentType } : {}), ...(signedIn ? { cookie: attacker } : {}) },
          body: hostileBody(shape, sizeClasses[size]),
          chunked,
        });
        answers.set(answer.status, (answers.get(answer.status) ?? 0) + 1);
        expect(
          answer.status,
          `${route.method} ${route.path} ${shape} ${size} ${contentType} ${chunked ? 'chunked' : 'declared'}: ${answer.text.slice(0, 200)}`,
        ).toBeLessThan(500);
        // A refusal decided before the body is read (422: supporting a note that is no suggestion) is one too.
        if (sizeClasses[size] > 4_000_000 && route.method !== 'GET')
          expect([400, 401, 403, 404, 405, 413, 415, 422], `${route.method} ${route.path} with ${size}`).toContain(answer.status);
      },
    ),
    { numRuns: 90, seed: 20_261_206 },
  );
  console.info(`hostile bodies, answers by status: ${JSON.stringify(Object.fromEntries(answers))}`);
  await expectSameServer(baseURL!, pid);
});
