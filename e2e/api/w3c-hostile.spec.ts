// Hostile annotations sent to the W3C container: each a 4xx naming what is wrong, and nothing stored.
import { expect, test } from './api-fixtures';
import { annoType, containerPath, pathOf, postAnnotation, webAnnotation } from './w3c-support';

type Case = { name: string; data?: unknown; raw?: string; contentType?: string; status: number; field?: RegExp };

function corpus(baseURL: string): Case[] {
  const valid = () => webAnnotation(baseURL, 'zh', '英伟达是算力投资最大受益者');
  const withTarget = (change: Record<string, unknown>) => ({ ...valid(), target: { ...valid().target, ...change } });
  const withSelector = (index: 0 | 1, change: Record<string, unknown>) => {
    const annotation = valid();
    annotation.target.selector[index] = { ...annotation.target.selector[index], ...change } as never;
    return annotation;
  };
  return [
    { name: 'broken JSON', raw: '{"type": "Annotation", ', status: 400 },
    { name: 'an array of annotations', data: [valid()], status: 400, field: /^\(body\)$/ },
    { name: 'text/plain', raw: JSON.stringify(valid()), contentType: 'text/plain', status: 415 },
    { name: 'a request over 64 KB', data: { ...valid(), body: [{ type: 'TextualBody', value: 'x'.repeat(70_000) }] }, status: 413 },
    {
      name: 'a note over 10,000 characters',
      data: { ...valid(), body: [{ type: 'TextualBody', value: '字'.repeat(10_001) }] },
      status: 400,
      field: /^body$/,
    },
    { name: 'not an Annotation', data: { ...valid(), type: 'Note' }, status: 400, field: /^type$/ },
    {
      name: 'a target on another site',
      data: withTarget({ source: 'https://evil.example/zh/articles/deepseek-capex' }),
      status: 400,
      field: /^target\.source$/,
    },
    {
      name: 'a target on another article',
      data: withTarget({ source: `${baseURL}/zh/articles/another-one` }),
      status: 400,
      field: /^target\.source$/,
    },
    {
      name: 'a whole page as target',
      data: { ...valid(), target: `${baseURL}/zh/articles/deepseek-capex` },
      status: 400,
      field: /^target$/,
    },
    { name: 'two targets', data: { ...valid(), target: [valid().target, valid().target] }, status: 400, field: /^target$/ },
    {
      name: 'a CSS selector only',
      data: withTarget({ selector: { type: 'CssSelector', value: 'p' } }),
      status: 400,
      field: /^target\.selector$/,
    },
    {
      name: 'a quote that is not at the position',
      data: withSelector(0, { exact: '微软是算力投资最大受益者' }),
      status: 422,
      field: /exact/,
    },
    { name: 'a prefix that is not the text before', data: withSelector(0, { prefix: '虚构的前文' }), status: 400, field: /prefix/ },
    { name: 'offsets outside the text', data: withSelector(1, { start: 999_990, end: 999_999 }), status: 400, field: /end/ },
    { name: 'a reply', data: { ...valid(), motivation: 'replying' }, status: 400, field: /^motivation$/ },
    { name: 'a translation suggestion', data: { ...valid(), motivation: 'editing' }, status: 400, field: /^motivation$/ },
    { name: 'an unknown motivation', data: { ...valid(), motivation: 'bookmarking' }, status: 400, field: /^motivation$/ },
    { name: 'an external body', data: { ...valid(), body: 'https://example.com/body' }, status: 400, field: /^body/ },
    { name: 'a canonical that is not an IRI', data: { ...valid(), canonical: 'not an iri' }, status: 400, field: /^canonical$/ },
    { name: 'a 3,000-character id', data: { ...valid(), id: `https://x.example/${'a'.repeat(3000)}` }, status: 400, field: /^id$/ },
    { name: 'an unknown visibility', data: { ...valid(), 'reader:visibility': 'public' }, status: 400, field: /visibility/ },
    {
      name: 'a javascript: source',
      data: {
        ...valid(),
        motivation: 'assessing',
        body: [{ type: 'SpecificResource', source: 'javascript:alert(1)', purpose: 'linking' }],
      },
      status: 400,
      field: /sourceUrl/,
    },
    { name: 'a NUL in the note', data: { ...valid(), body: [{ type: 'TextualBody', value: 'a\u0000b' }] }, status: 400 },
    {
      name: 'a right-to-left override in a tag',
      data: { ...valid(), body: [{ type: 'TextualBody', value: 'evil\u202Etxt', purpose: 'tagging' }] },
      status: 400,
      field: /^tags/,
    },
  ];
}

test('hostile annotations POSTed to the container: a 4xx naming what is wrong, and nothing stored', async ({ newReader, baseURL }) => {
  const reader = await newReader();
  for (const item of corpus(baseURL!)) {
    const response = await reader.api.post(containerPath, {
      ...(item.raw !== undefined ? { data: item.raw } : { data: item.data }),
      headers: { 'Content-Type': item.contentType ?? annoType },
    });
    const text = await response.text();
    expect(response.status(), `${item.name}: ${text}`).toBe(item.status);
    const error = JSON.parse(text).error;
    expect(error.message.length, item.name).toBeGreaterThan(10);
    if (item.field) {
      const fields: string[] = (error.issues ?? []).map((issue: { field: string }) => issue.field);
      expect(
        fields.some((field) => item.field!.test(field)),
        `${item.name}: issues name ${fields.join(', ')}`,
      ).toBe(true);
    }
  }
  expect((await (await reader.api.get('/api/me/annotations')).json()).annotations).toEqual([]);
});

test('PUT and DELETE on another reader’s annotation, forged ETags and forged ids change nothing', async ({ newReader, baseURL }) => {
  const author = await newReader();
  const answer = await postAnnotation(author.api, webAnnotation(baseURL!, 'zh', '英伟达', { 'reader:visibility': 'shared' }));
  const created = await answer.json();
  const etag = answer.headers()['etag'];
  const path = pathOf(created.id);
  const attacker = await newReader();
  const forged = { ...created, body: [{ type: 'TextualBody', value: 'defaced' }] };
  const headers = { 'Content-Type': annoType, 'If-Match': etag };
  expect((await attacker.api.put(path, { data: forged, headers })).status()).toBe(403);
  expect((await attacker.api.delete(path, { headers: { 'If-Match': etag } })).status()).toBe(403);
  expect((await author.api.put(path, { data: forged, headers: { ...headers, 'If-Match': '"999-forged"' } })).status()).toBe(412);
  expect((await author.api.put(path, { data: forged, headers: { ...headers, 'If-Match': 'W/"nonsense' } })).status()).toBe(412);
  // An annotation of this article reached through another article's container, or a made-up id: 404.
  expect((await author.api.get(path.replace('deepseek-capex', 'other-article'))).status()).toBe(404);
  expect((await author.api.get(`${containerPath}not-a-uuid`)).status()).toBe(404);
  expect((await author.api.get(`${containerPath}${'9'.repeat(300)}`)).status()).toBe(404);
  // As a PUT body, another annotation's id changes nothing: the IRI is the one in the URL.
  const other = await (await postAnnotation(author.api, webAnnotation(baseURL!, 'en', 'Nvidia'))).json();
  const current = await author.api.get(path);
  const currentAnnotation = await current.json();
  const put = await author.api.put(path, {
    data: { ...currentAnnotation, id: other.id, body: [{ type: 'TextualBody', value: 'still mine' }] },
    headers: { 'Content-Type': annoType, 'If-Match': current.headers()['etag'] },
  });
  expect(put.status(), await put.text()).toBe(200);
  expect((await put.json()).id).toBe(created.id);
  expect((await (await author.api.get(pathOf(other.id))).json()).body[0].value).toBe('On “Nvidia”');
  const after = await (await author.api.get(path)).json();
  expect(after.body[0].value).toBe('still mine');
});
