import { createNote, expect, test } from './api-fixtures';

test('a note takes its kind colour unless its author picks one; changing the colour is not an edit', async ({ newReader }) => {
  const reader = await newReader();
  const claim = await createNote(reader, 'zh', '英伟达', { kind: 'claim' });
  expect(claim.color).toBe('pink');
  const picked = await createNote(reader, 'en', 'Nvidia', { kind: 'comment', color: 'purple' });
  expect(picked.color).toBe('purple');

  const response = await reader.api.patch(`/api/annotations/${picked.id}`, { data: { color: 'yellow', version: picked.version } });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toMatchObject({ color: 'yellow', kind: 'comment', editedAt: null });

  const refused = await reader.api.patch(`/api/annotations/${picked.id}`, { data: { color: 'red' } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.issues[0].field).toBe('color');
});

test('each reader names the colours for themselves; a name can be given back; bad names change nothing', async ({
  newReader,
  anonymous,
}) => {
  const [ana, ben] = [await newReader('Ana'), await newReader('Ben')];
  expect(await (await ana.api.get('/api/me/highlight-names')).json()).toEqual({ names: {} });

  const renamed = await ana.api.put('/api/me/highlight-names', { data: { yellow: '  Key point ', pink: '存疑' } });
  expect(renamed.status(), await renamed.text()).toBe(200);
  expect(await renamed.json()).toEqual({ names: { yellow: 'Key point', pink: '存疑' } });
  // Another colour later: the first names stay; an empty name gives the colour word back.
  await ana.api.put('/api/me/highlight-names', { data: { blue: 'Numbers', pink: '' } });
  expect(await (await ana.api.get('/api/me/highlight-names')).json()).toEqual({ names: { yellow: 'Key point', blue: 'Numbers' } });
  expect(await (await ben.api.get('/api/me/highlight-names')).json()).toEqual({ names: {} });

  for (const [data, field] of [
    [{ yellow: 'x'.repeat(31) }, 'yellow'],
    [{ yellow: 'evil\u202Etxt' }, 'yellow'],
    [{ green: 'Extra' }, ''],
    [{ yellow: 5 }, 'yellow'],
    [{}, ''],
    [['Key point'], ''],
  ] as const) {
    const answer = await ana.api.put('/api/me/highlight-names', { data });
    expect(answer.status(), JSON.stringify(data)).toBe(400);
    if (field) expect((await answer.json()).error.issues[0].field).toBe(field);
  }
  const big = await ana.api.put('/api/me/highlight-names', { data: { yellow: 'x'.repeat(3000) } });
  expect(big.status()).toBe(413);
  expect(await (await ana.api.get('/api/me/highlight-names')).json()).toEqual({ names: { yellow: 'Key point', blue: 'Numbers' } });

  expect((await anonymous.get('/api/me/highlight-names')).status()).toBe(401);
  expect((await anonymous.put('/api/me/highlight-names', { data: { yellow: 'x' } })).status()).toBe(401);
  const crossSite = await ana.api.put('/api/me/highlight-names', {
    data: { yellow: 'Hijacked' },
    headers: { Origin: 'http://evil.example' },
  });
  expect(crossSite.status()).toBe(403);
});
