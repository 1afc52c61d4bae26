// The export routes on a real, migrated SQLite file, in process: an article's shared notes and a
// reader's own, more of them than one page holds, streamed in each format; errors found before the
// first byte (an unknown article or format, a signed-out reader) are still JSON answers; the
// JSON-LD names everything on the public origin and imports again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { applyMigrations } from '@/lib/db/migrate';
import { parseAnnotationCollection } from '@/lib/exchange/import-jsonld';
import { toAnnotationCollection } from '@/lib/exchange/jsonld';
import { insertNoteBatch, manyNoteBatches, manyNotesArticle, manyNotesReaders } from '@/lib/seed/many-notes';
import { webAnnotationProblems } from '../exchange/web-annotation-model';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-export-routes-'));
const file = path.join(dir, 'reader.db');
process.env.DATABASE_URL = `file:${file}`; // lib/db reads it on first use
process.env.LOG_REQUESTS = '0';
delete process.env.BETTER_AUTH_URL; // the origin comes from the request

type Modules = {
  articleExport: typeof import('@/app/api/articles/[slug]/annotations/export/route');
  exchange: typeof import('@/lib/annotations/exchange');
  load: typeof import('@/lib/annotations/load-annotations');
  db: (typeof import('@/lib/db'))['db'];
};
let app: Modules;

const readers = manyNotesReaders(3);
const notes = 450; // more than two pages of 200
const host = 'reader.example:8080';
const origin = `http://${host}`;

beforeAll(async () => {
  await applyMigrations({ provider: 'sqlite', url: `file:${file}`, file });
  app = {
    articleExport: await import('@/app/api/articles/[slug]/annotations/export/route'),
    exchange: await import('@/lib/annotations/exchange'),
    load: await import('@/lib/annotations/load-annotations'),
    db: (await import('@/lib/db')).db,
  };
  await app.db.user.createMany({ data: readers });
  const from = new Date('2026-01-01T00:00:00.000Z');
  for (const batch of manyNoteBatches({ notes, replies: 120, authors: readers.map((r) => r.id), from }))
    await insertNoteBatch(app.db, batch);
  // One of them private: in its author's export, not in the article's.
  const first = await app.db.annotation.findFirstOrThrow({ where: { authorId: readers[0].id }, orderBy: { createdAt: 'asc' } });
  await app.db.annotation.update({ where: { id: first.id }, data: { visibility: 'private' } });
});
afterAll(async () => {
  await (await import('@/lib/db')).disconnectDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A request as it reaches the route on a server bound to every address, from a client that asked for `host`. */
const request = (pathAndQuery: string) => new Request(`http://0.0.0.0:3000${pathAndQuery}`, { headers: { host } });
/** An export asked for at this address, as the routes hand it to the domain. */
const asked = (pathAndQuery: string) => ({ origin: `http://${host}`, url: new URL(`http://${host}${pathAndQuery}`) });
const articleExport = (slug: string, query: string) =>
  app.articleExport.GET(request(`/api/articles/${slug}/annotations/export${query}`), { params: Promise.resolve({ slug }) });

/** The notes an export of `where` holds, in one page. */
async function everything(where: object): Promise<ApiAnnotation[]> {
  let all: ApiAnnotation[] = [];
  for await (const page of app.load.annotationPages(where, { pageSize: 10_000 })) all = all.concat(page);
  return all;
}

describe('GET /api/articles/{slug}/annotations/export', () => {
  it('streams JSON-LD on the public origin that passes the model checker and imports again', async () => {
    const response = await articleExport(manyNotesArticle, '?format=jsonld');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${manyNotesArticle}-notes.jsonld"`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const collection = JSON.parse(await response.text());
    expect(webAnnotationProblems(collection)).toEqual([]);
    expect(collection.id).toBe(`${origin}/api/articles/${manyNotesArticle}/annotations/export?format=jsonld`);
    const shared = await everything({ article: manyNotesArticle, ...app.load.publicWhere });
    const replies = shared.reduce((sum, note) => sum + note.replies.length, 0);
    expect(shared).toHaveLength(notes - 1);
    expect(collection.total).toBe(collection.first.items.length);
    expect(collection.total).toBe(shared.length + replies);
    expect(JSON.stringify(collection)).not.toContain('0.0.0.0');
    expect(collection).toEqual(
      JSON.parse(JSON.stringify(toAnnotationCollection(shared, { id: collection.id, label: collection.label, origin }))),
    );
    const imported = parseAnnotationCollection(collection);
    expect(imported.notes).toHaveLength(notes - 1);
    expect(imported.skipped).toHaveLength(replies);
    expect(imported.skipped.every((item) => item.reason === 'replies are not imported')).toBe(true);
  });

  it('streams Markdown numbered across pages and CSV with one header', async () => {
    const markdown = await (await articleExport(manyNotesArticle, '?format=md')).text();
    // Self-describing: the article's title and address, and when and where the file was made.
    expect(markdown).toMatch(
      new RegExp(
        `^# Shared notes on “Will DeepSeek Lower Total Demand[^\n]*”\n\n<https?://[^>]+/en/articles/${manyNotesArticle}>\n\nExported on \\d{4}-\\d{2}-\\d{2} from [^\n]+\\.\n\n## 1\\. `,
      ),
    );
    expect(markdown.match(/^## \d+\./gm)!.map((heading) => Number(heading.slice(3, -1)))).toEqual(
      Array.from({ length: notes - 1 }, (_, i) => i + 1),
    );
    const csv = await articleExport(manyNotesArticle, '?format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Response#text() would drop the BOM (UTF-8 decoding does): read the bytes as they are.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    expect(text.startsWith('\uFEFFid,type,')).toBe(true);
    expect(text.match(/^\uFEFF?id,type,/gm)).toHaveLength(1);
    expect(text.match(/\r\n[0-9a-f-]{36},note,/g)).toHaveLength(notes - 1);
  });

  it('answers JSON errors, not a download, for an unknown article or format', async () => {
    const badFormat = await articleExport(manyNotesArticle, '?format=pdf');
    expect(badFormat.status).toBe(400);
    expect((await badFormat.json()).error.issues[0].field).toBe('format');
    const noArticle = await articleExport('no-such-article', '?format=pdf');
    expect(noArticle.status).toBe(404);
    expect(noArticle.headers.get('content-type')).toContain('application/json');
  });
});

describe('exportOwn', () => {
  const viewer = { id: readers[0].id, name: readers[0].name, role: 'reader' };

  it("gives the reader's own notes, the private one included", async () => {
    const download = await app.exchange.exportOwn(asked('/api/me/annotations/export?format=jsonld'), viewer);
    expect(download.fileName).toBe('my-notes.jsonld');
    let text = '';
    for await (const chunk of download.chunks) text += chunk;
    const collection = JSON.parse(text);
    const own = await everything({ authorId: viewer.id, deletedAt: null });
    expect(own.some((note) => note.visibility === 'private')).toBe(true);
    expect(collection.label).toBe(`Notes by ${viewer.name}`);
    expect(parseAnnotationCollection(collection).notes).toHaveLength(own.length);
  });

  it('refuses a signed-out reader, after an unknown format', async () => {
    await expect(app.exchange.exportOwn(asked('/api/me/annotations/export?format=md'), null)).rejects.toMatchObject({
      refusal: 'signInNeeded',
    });
    await expect(app.exchange.exportOwn(asked('/api/me/annotations/export?format=doc'), null)).rejects.toMatchObject({
      refusal: 'invalid',
    });
  });
});
