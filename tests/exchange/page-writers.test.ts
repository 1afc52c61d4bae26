// The page-wise writers: however the notes are split into pages, the document is the one the
// whole list makes at once (checked, when exports began to stream, against the formatters of
// a413599; the format tests beside this one check what that document says).
import { describe, expect, it } from 'vitest';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { createAnnotationSchema } from '@/lib/annotations/schema';
import { csvWriter, toCsv } from '@/lib/exchange/csv';
import { parseAnnotationCollection } from '@/lib/exchange/import-jsonld';
import { toAnnotationCollection } from '@/lib/exchange/jsonld';
import { jsonLdWriter } from '@/lib/exchange/jsonld-writer';
import { markdownWriter, toMarkdown } from '@/lib/exchange/markdown';
import { writePages, type PageWriter } from '@/lib/exchange/page-writer';
import { claim, comment, createInput, deleted, exportOptions, highlight, note, notes, origin, question, reply, slug } from './fixtures';
import { webAnnotationProblems } from './web-annotation-model';

/** More notes than a page holds, each with a few replies, so numbering and items run across pages. */
const many: ApiAnnotation[] = Array.from({ length: 23 }, (_, i) =>
  note(`m${i}`, i % 2 ? 'en' : 'zh', i % 2 ? 'Nvidia' : '英伟达', {
    kind: (['comment', 'claim', 'question', 'highlight'] as const)[i % 4],
    body: i % 4 === 3 ? '' : `Note ${i}, with "quotes", a comma and\na new line.`,
    tags: i % 3 ? [`t${i}`] : [],
    replies: Array.from({ length: i % 3 }, (_, j) => reply(`m${i}-r${j}`, `m${i}`, { body: `=reply ${j}` })),
  }),
);

/** Ways of cutting `list` into pages: whole, one note a page, uneven pages, and with empty pages between. */
function splits(list: ApiAnnotation[]): ApiAnnotation[][][] {
  const chunked = (size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  return [[list], chunked(1), chunked(2), chunked(7), [[], ...chunked(3).flatMap((page) => [page, []])]];
}

async function* from<T>(pages: T[]) {
  for (const page of pages) yield page;
}

/** The document a writer makes of `pages`, as the download streams it. */
async function streamed(writer: PageWriter, pages: ApiAnnotation[][]): Promise<{ text: string; chunks: string[] }> {
  const chunks: string[] = [];
  for await (const chunk of writePages(writer, from(pages))) chunks.push(chunk);
  return { text: chunks.join(''), chunks };
}

const lists = { 'the fixtures (replies, private notes, a deleted placeholder)': notes, 'no notes': [], '23 notes with replies': many };

describe.each(Object.entries(lists))('for %s', (_name, list) => {
  it('writes the Markdown the whole list makes, numbering across pages', async () => {
    const expected = toMarkdown(list, { title: 'Shared notes on deepseek-capex' });
    for (const pages of splits(list))
      expect((await streamed(markdownWriter({ title: 'Shared notes on deepseek-capex' }), pages)).text).toBe(expected);
  });

  it('writes the CSV the whole list makes: one BOM, one header, CRLF, formulas made inert', async () => {
    const expected = toCsv(list);
    for (const pages of splits(list)) expect((await streamed(csvWriter(), pages)).text).toBe(expected);
  });

  it('writes JSON-LD holding the collection the whole list makes, total after the items', async () => {
    const expected = toAnnotationCollection(list, exportOptions);
    for (const pages of splits(list)) {
      const { text } = await streamed(jsonLdWriter(exportOptions), pages);
      const parsed = JSON.parse(text);
      expect(parsed).toEqual(expected);
      expect(webAnnotationProblems(parsed)).toEqual([]);
      expect(parsed.total).toBe(parsed.first?.items.length ?? 0);
      // No page when there is nothing to put in it: the W3C model wants at least one annotation a page.
      expect('first' in parsed).toBe(list.length > 0);
      if (list.length > 0) expect(text.indexOf('"total"')).toBeGreaterThan(text.lastIndexOf('"items"'));
    }
  });
});

describe('writing page by page', () => {
  it('sends each page as its own chunk, the head with the first notes and the end last', async () => {
    const pages = [[comment, claim], [highlight], [question, deleted]];
    const { chunks } = await streamed(jsonLdWriter(exportOptions), pages);
    expect(chunks).toHaveLength(4);
    expect(chunks[0].startsWith('{\n  "@context"')).toBe(true);
    expect(chunks[0]).toContain('/api/replies/r3');
    expect(chunks[1].startsWith(',\n')).toBe(true);
    expect(chunks[3]).toBe(`\n    ]\n  },\n  "last": "${exportOptions.id}#page-1",\n  "total": 9\n}\n`);
    expect((await streamed(markdownWriter({ title: 'T' }), pages)).chunks[2]).toMatch(/^\n\n## 4\. Question/);
    expect((await streamed(csvWriter(), pages)).chunks.filter((chunk) => chunk.includes('\uFEFF'))).toHaveLength(1);
  });

  it('keeps JSON-LD readable: indented, one member a line', async () => {
    const { text } = await streamed(jsonLdWriter(exportOptions), [[comment]]);
    expect(text).toContain('\n  "first": {\n    "id": ');
    expect(text).toContain('\n    "items": [\n      {\n        "id": "http://localhost:3000/api/annotations/c1",\n');
  });
});

describe('a streamed JSON-LD export', () => {
  it('imports again: the notes come back as their create inputs, replies and the deleted placeholder skipped', async () => {
    const { text } = await streamed(jsonLdWriter(exportOptions), [[comment, claim], [highlight], [question, deleted]]);
    const { notes: imported, skipped } = parseAnnotationCollection(JSON.parse(text));
    expect(imported).toEqual(
      [comment, claim, highlight, question].map((n) => ({
        ...createInput(n),
        sourceId: `${origin}/api/annotations/${n.id}`,
        article: slug,
      })),
    );
    for (const { sourceId, article: _article, ...input } of imported)
      expect(createAnnotationSchema.safeParse(input).success, sourceId).toBe(true);
    expect(skipped.map((item) => item.reason)).toEqual([
      'replies are not imported',
      'replies are not imported',
      'replies are not imported',
      'deleted notes are not imported',
      'replies are not imported',
    ]);
    expect(parseAnnotationCollection(JSON.parse((await streamed(jsonLdWriter(exportOptions), [])).text))).toEqual({
      notes: [],
      skipped: [],
    });
  });
});
