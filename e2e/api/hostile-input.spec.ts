import { annotationBody, expect, listNotes, slug, test } from './api-fixtures';

const valid = () => annotationBody('zh', '英伟达是算力投资最大受益者', { body: 'ok' });
const withSelector = (index: 0 | 1, change: Record<string, unknown>) => {
  const body = valid();
  body.target.selector[index] = { ...body.target.selector[index], ...change } as never;
  return body;
};

/** Requests that must be refused with a 4xx naming what is wrong, storing nothing. */
const corpus: { name: string; data?: unknown; raw?: string; contentType?: string; status: number; field?: RegExp }[] = [
  { name: 'broken JSON', raw: '{"lang": "zh", "kind": ', status: 400 },
  { name: 'JSON null', raw: 'null', status: 400 },
  { name: 'a JSON array', data: [valid()], status: 400 },
  { name: 'form-encoded', raw: 'lang=zh&kind=comment', contentType: 'application/x-www-form-urlencoded', status: 415 },
  { name: 'text/plain JSON', raw: JSON.stringify(valid()), contentType: 'text/plain', status: 415 },
  { name: 'a request over 64 KB', data: { ...valid(), body: 'x'.repeat(70_000) }, status: 413 },
  { name: 'a note over 10,000 characters', data: { ...valid(), body: '字'.repeat(10_001) }, status: 400, field: /^body$/ },
  { name: 'lang of the wrong type', data: { ...valid(), lang: 5 }, status: 400, field: /^lang$/ },
  { name: 'an unknown language', data: { ...valid(), lang: 'fr' }, status: 400, field: /^lang$/ },
  { name: 'an unknown kind', data: { ...valid(), kind: 'rant' }, status: 400, field: /^kind$/ },
  { name: 'an unknown verdict', data: { ...valid(), kind: 'claim', verdict: 'maybe' }, status: 400, field: /^verdict$/ },
  { name: 'a verdict on a comment', data: { ...valid(), verdict: 'false' }, status: 400, field: /^verdict$/ },
  {
    name: 'a javascript: source',
    data: { ...valid(), kind: 'claim', sourceUrl: 'javascript:alert(1)' },
    status: 400,
    field: /^sourceUrl$/,
  },
  { name: 'a source that is not a URL', data: { ...valid(), kind: 'claim', sourceUrl: 'see page 3' }, status: 400, field: /^sourceUrl$/ },
  { name: 'tags as a string', data: { ...valid(), tags: 'capex' }, status: 400, field: /^tags$/ },
  { name: 'too many tags', data: { ...valid(), tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, status: 400, field: /^tags$/ },
  { name: 'a tag with a right-to-left override', data: { ...valid(), tags: ['evil\u202Etxt'] }, status: 400, field: /^tags\.0$/ },
  { name: 'an empty tag', data: { ...valid(), tags: ['  '] }, status: 400, field: /^tags\.0$/ },
  { name: 'an unknown colour', data: { ...valid(), color: 'green' }, status: 400, field: /^color$/ },
  { name: 'an unknown visibility', data: { ...valid(), visibility: 'public' }, status: 400, field: /^visibility$/ },
  { name: 'a forged author', data: { ...valid(), authorId: 'someone-else' }, status: 400 },
  { name: 'a __proto__ key', raw: JSON.stringify(valid()).replace('{', '{"__proto__":{"isAdmin":true},'), status: 400 },
  { name: 'a malformed block id', data: { ...valid(), blockId: '<script>' }, status: 400, field: /^blockId$/ },
  { name: 'a block that does not exist', data: { ...valid(), blockId: 'p99' }, status: 422, field: /blockId/ },
  { name: 'sentences that do not match the offsets', data: { ...valid(), sentenceIds: ['p30-s1'] }, status: 422, field: /sentenceIds/ },
  {
    name: 'one selector only',
    data: { ...valid(), target: { selector: [valid().target.selector[0]] } },
    status: 400,
    field: /^target\.selector$/,
  },
  { name: 'start after end', data: withSelector(1, { start: 50, end: 40 }), status: 400, field: /^target\.selector\.1\.start$/ },
  { name: 'negative offsets', data: withSelector(1, { start: -5 }), status: 400, field: /^target\.selector\.1\.start$/ },
  { name: 'offsets outside the text', data: withSelector(1, { start: 999_990, end: 999_999 }), status: 422, field: /start|end/ },
  {
    name: 'a quote that is not at the position',
    data: withSelector(0, { exact: '微软是算力投资最大受益者' }),
    status: 422,
    field: /exact/,
  },
  { name: 'a lone surrogate in the quote', data: withSelector(0, { exact: '英伟达\uD800' }), status: 422, field: /exact/ },
  { name: 'an empty quote', data: withSelector(0, { exact: '' }), status: 400, field: /exact/ },
  { name: 'a fractional offset', data: withSelector(1, { start: 1.5 }), status: 400, field: /start/ },
];

for (const item of corpus) {
  test(`refuses ${item.name} and stores nothing`, async ({ newReader }) => {
    const reader = await newReader();
    const response = await reader.api.post(`/api/articles/${slug}/annotations`, {
      ...(item.raw !== undefined ? { data: item.raw } : { data: item.data }),
      headers: { 'Content-Type': item.contentType ?? 'application/json' },
    });
    const text = await response.text();
    expect(response.status(), text).toBe(item.status);
    const error = JSON.parse(text).error;
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(10);
    if (item.field) {
      const fields: string[] = error.issues.map((issue: { field: string }) => issue.field);
      expect(
        fields.some((field) => item.field!.test(field)),
        `issues name ${fields.join(', ')}`,
      ).toBe(true);
    }
    expect((await listNotes(reader.api)).filter((n) => n.author.id === reader.id)).toEqual([]);
  });
}

test('markup in a note is sanitised: no script, no handlers, safe links', async ({ newReader }) => {
  const reader = await newReader();
  const response = await reader.api.post(`/api/articles/${slug}/annotations`, {
    data: {
      ...valid(),
      body: '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> [evil](javascript:alert(3)) [ok](https://example.com) <a href="https://x.test" onclick="alert(4)">x</a>',
    },
  });
  expect(response.status()).toBe(201);
  const { bodyHtml } = await response.json();
  // Raw HTML shows as text (escaped); no element, handler or javascript: link survives.
  expect(bodyHtml).not.toMatch(/<script|<img|<[^>]+\son\w+=|href="javascript:/i);
  expect(bodyHtml).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  expect(bodyHtml).toContain('<a href="https://example.com" rel="noopener nofollow ugc" target="_blank">ok</a>');
});

test('writes from another origin are refused', async ({ newReader }) => {
  const reader = await newReader();
  const attempts: Record<string, string>[] = [
    { Origin: 'http://evil.example' },
    { Origin: 'null' },
    { Origin: '', 'Sec-Fetch-Site': 'cross-site' },
  ];
  for (const headers of attempts) {
    const response = await reader.api.post(`/api/articles/${slug}/annotations`, { data: valid(), headers });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.message).toMatch(/cross-origin/i);
  }
  expect((await listNotes(reader.api)).filter((n) => n.author.id === reader.id)).toEqual([]);
});
