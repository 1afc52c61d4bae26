import { webAnnotationProblems } from '../../tests/exchange/web-annotation-model';
import { createNote, expect, listNotes, slug, test } from './api-fixtures';

test('article export: JSON-LD valid against the Web Annotation model, Markdown with both languages, CSV', async ({
  newReader,
  anonymous,
}) => {
  const author = await newReader('Exporter');
  const other = await newReader('Replier');
  const claim = await createNote(author, 'zh', '英伟达是算力投资最大受益者。', {
    kind: 'claim',
    verdict: 'disputed',
    visibility: 'shared',
    body: 'shared words',
  });
  await other.api.post(`/api/annotations/${claim.id}/replies`, { data: { body: 'a reply', verdict: 'false' } });
  await createNote(author, 'zh', '英伟达几乎是垄断者', { body: 'private words' });

  const jsonld = await anonymous.get(`/api/articles/${slug}/annotations/export?format=jsonld`);
  expect(jsonld.status()).toBe(200);
  expect(jsonld.headers()['content-type']).toContain('application/ld+json');
  expect(jsonld.headers()['content-disposition']).toContain('attachment');
  const collection = await jsonld.json();
  expect(webAnnotationProblems(collection)).toEqual([]);
  const items = collection.first.items as { id: string; motivation: string; target: unknown }[];
  expect(items.find((i) => i.id.endsWith(`/api/annotations/${claim.id}`))?.motivation).toBe('assessing');
  expect(items.some((i) => i.motivation === 'replying')).toBe(true);
  expect(JSON.stringify(collection)).not.toContain('private words');

  const markdown = await (await anonymous.get(`/api/articles/${slug}/annotations/export?format=md`)).text();
  expect(markdown).toContain('英伟达是算力投资最大受益者。');
  expect(markdown).toContain('Nvidia'); // the aligned English sentence
  expect(markdown).toContain('a reply');
  expect(markdown).not.toContain('private words');

  const csv = await anonymous.get(`/api/articles/${slug}/annotations/export?format=csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain('shared words');
  expect(text).not.toContain('private words');

  const bad = await anonymous.get(`/api/articles/${slug}/annotations/export?format=pdf`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].field).toBe('format');
  const badLang = await anonymous.get(`/api/articles/${slug}/annotations/export?format=md&lang=fr`);
  expect(badLang.status()).toBe(400);
  expect((await badLang.json()).error.issues[0].field).toBe('lang');
  const chinese = await (await anonymous.get(`/api/articles/${slug}/annotations/export?format=md&lang=zh`)).text();
  expect(chinese).toMatch(/^# 《DeepSeek将拉低算力总需求？[^\n]*》的公开笔记\n/);
  expect((await anonymous.get(`/api/articles/no-such-article/annotations/export?format=csv`)).status()).toBe(404);
});

test('own export then import restores the notes for another reader; a second import skips duplicates', async ({ newReader, anonymous }) => {
  const author = await newReader('Author');
  await createNote(author, 'zh', '英伟达几乎是垄断者', { kind: 'question', body: 'why?', tags: ['t1'] });
  await createNote(author, 'en', 'Nvidia', {
    kind: 'claim',
    verdict: 'supported',
    sourceUrl: 'https://example.com/x',
    visibility: 'shared',
  });
  expect((await anonymous.get('/api/me/annotations/export?format=jsonld')).status()).toBe(401);
  const exported = await (await author.api.get('/api/me/annotations/export?format=jsonld')).json();
  expect(webAnnotationProblems(exported)).toEqual([]);

  const restorer = await newReader('Restorer');
  expect((await anonymous.post('/api/annotations/import', { data: exported })).status()).toBe(401);
  const first = await restorer.api.post('/api/annotations/import', { data: exported });
  expect(first.status(), await first.text()).toBe(201);
  const report = await first.json();
  expect(report.created).toBe(2);
  expect(report.skipped).toEqual([]);
  const mine = (await (await restorer.api.get('/api/me/annotations')).json()).annotations as {
    kind: string;
    body: string;
    tags: string[];
    verdict: string | null;
    sourceUrl: string | null;
    author: { id: string };
  }[];
  expect(mine.map((n) => [n.kind, n.body, n.tags, n.verdict, n.sourceUrl]).sort()).toEqual(
    [
      ['claim', '', [], 'supported', 'https://example.com/x'],
      ['question', 'why?', ['t1'], null, null],
    ].sort(),
  );
  expect(mine.every((n) => n.author.id === restorer.id)).toBe(true);

  const again = await (await restorer.api.post('/api/annotations/import', { data: exported })).json();
  expect(again.created).toBe(0);
  expect(again.skipped.map((s: { reason: string }) => s.reason)).toEqual([
    'duplicate of a note you already have',
    'duplicate of a note you already have',
  ]);
});

test('import: broken documents get a clear 4xx and store nothing; broken items are reported', async ({ newReader }) => {
  const reader = await newReader('Importer');
  const notJson = await reader.api.post('/api/annotations/import', {
    headers: { 'Content-Type': 'application/json' },
    data: '{"@context":',
  });
  expect(notJson.status()).toBe(400);
  const notCollection = await reader.api.post('/api/annotations/import', { data: { hello: 'world' } });
  expect(notCollection.status()).toBe(400);
  expect((await notCollection.json()).error.message).toMatch(/Web Annotation/);

  const outside = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    items: [
      {
        id: 'https://elsewhere.example/a/1',
        type: 'Annotation',
        motivation: 'commenting',
        'reader:blockId': 'p01',
        'reader:sentenceIds': ['p01-s1'],
        target: {
          source: `http://elsewhere.example/zh/articles/${slug}`,
          selector: [
            { type: 'TextQuoteSelector', exact: 'words that are not in the article', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 33 },
          ],
        },
      },
    ],
  };
  const response = await reader.api.post('/api/annotations/import', { data: outside });
  expect(response.status()).toBe(200);
  const report = await response.json();
  expect(report.created).toBe(0);
  expect(report.skipped).toHaveLength(1);
  expect(report.skipped[0].reason).toMatch(/target|text|match/i);
  expect((await listNotes(reader.api)).filter((n) => n.author.id === reader.id)).toEqual([]);
});

test('import: the report stays small — 100,000 empty items are refused unread, reasons are cut to 200 characters', async ({
  newReader,
}) => {
  const reader = await newReader();
  const empty = `[${Array(100_000).fill('{}').join(',')}]`;
  const many = await reader.api.post('/api/annotations/import', { data: empty, headers: { 'Content-Type': 'application/json' } });
  expect(many.status()).toBe(413);
  expect((await many.json()).error.message).toMatch(/100000 annotations; one import takes at most 5000/);

  const few = await reader.api.post('/api/annotations/import', { data: Array(50).fill({ type: 'Annotation', id: 'x'.repeat(500) }) });
  expect(few.status()).toBe(200);
  const report = await few.json();
  expect(report.skipped).toHaveLength(50);
  for (const item of report.skipped) {
    expect(item.reason.length).toBeLessThanOrEqual(200);
    expect(item.id).toBeUndefined();
  }
});

test('import: the type of its own export (application/ld+json) is taken', async ({ newReader }) => {
  const reader = await newReader();
  await createNote(reader, 'zh', '英伟达', { body: 'ld+json' });
  const exported = await (await reader.api.get('/api/me/annotations/export?format=jsonld')).text();
  const restorer = await newReader('Restorer');
  const answer = await restorer.api.post('/api/annotations/import', { data: exported, headers: { 'Content-Type': 'application/ld+json' } });
  expect(answer.status(), await answer.text()).toBe(201);
  expect((await answer.json()).created).toBe(1);
});
