import { describe, expect, it } from 'vitest';
import { createAnnotationSchema } from '@/lib/annotations/schema';
import { parseAnnotationCollection } from '@/lib/exchange/import-jsonld';
import { toAnnotationCollection } from '@/lib/exchange/jsonld';
import { claim, comment, createInput, exportOptions, highlight, notes, origin, question, slug } from './fixtures';

const exported = () => structuredClone(toAnnotationCollection(notes, exportOptions)) as any;
const imported = [comment, claim, highlight, question].map((note) => ({
  ...createInput(note),
  sourceId: `${origin}/api/annotations/${note.id}`,
  article: slug,
}));

describe('parseAnnotationCollection', () => {
  it('gives back the create inputs of the exported notes, through JSON too', () => {
    expect(parseAnnotationCollection(toAnnotationCollection(notes, exportOptions)).notes).toEqual(imported);
    expect(parseAnnotationCollection(JSON.parse(JSON.stringify(exported()))).notes).toEqual(imported);
  });

  it('gives inputs that createAnnotationSchema accepts once the source id and article are taken off', () => {
    for (const { sourceId, article: _article, ...input } of parseAnnotationCollection(exported()).notes) {
      expect(createAnnotationSchema.safeParse(input).success, sourceId).toBe(true);
    }
  });

  it('skips replies and deleted notes, saying so', () => {
    const reply = (id: string) => `${origin}/api/replies/${id}`;
    expect(parseAnnotationCollection(exported()).skipped).toEqual([
      { index: 1, id: reply('r1'), reason: 'replies are not imported' },
      { index: 3, id: reply('r2'), reason: 'replies are not imported' },
      { index: 4, id: reply('r3'), reason: 'replies are not imported' },
      { index: 7, id: `${origin}/api/annotations/d1`, reason: 'deleted notes are not imported' },
      { index: 8, id: reply('r4'), reason: 'replies are not imported' },
    ]);
  });

  it('reads an AnnotationPage, a bare array, and pages embedded one after another', () => {
    const page = exported().first;
    expect(parseAnnotationCollection(page).notes).toEqual(imported);
    expect(parseAnnotationCollection(page.items).notes).toEqual(imported);
    const chained = exported();
    const items = chained.first.items;
    chained.first.items = items.slice(0, 3);
    chained.first.next = { id: `${exportOptions.id}#page-2`, type: 'AnnotationPage', items: items.slice(3, 6) };
    chained.first.next.next = { id: `${exportOptions.id}#page-3`, type: 'AnnotationPage', items: items.slice(6) };
    expect(parseAnnotationCollection(chained).notes).toEqual(imported);
    expect(parseAnnotationCollection(toAnnotationCollection([], exportOptions))).toEqual({ notes: [], skipped: [] });
  });

  it('takes the verdict from the assessing body when the reader: verdict is missing, and a missing visibility as private', () => {
    const [, , claimItem] = exported().first.items;
    delete claimItem['reader:verdict'];
    delete claimItem['reader:visibility'];
    expect(parseAnnotationCollection([claimItem]).notes[0]).toMatchObject({ kind: 'claim', verdict: 'disputed', visibility: 'private' });
  });

  it('lists malformed items in skipped with the reason, and imports the rest', () => {
    const items = exported().first.items;
    const good = items[0];
    const variant = (change: (item: any) => void) => {
      const item = structuredClone(good);
      item.id = `${good.id}-${Math.random().toString(36).slice(2, 8)}`;
      change(item);
      return item;
    };
    const malformed = [
      'http://example.org/anno1',
      variant((item) => (item.motivation = 'bookmarking')),
      variant((item) => delete item.motivation),
      variant((item) => (item.target.selector = [item.target.selector[0]])),
      variant((item) => delete item.target.selector),
      variant((item) => (item.target.selector[0].exact = 42)),
      variant((item) => (item.target.selector[1].start = -3)),
      variant((item) => (item.target.source = 'https://example.com/some/page')),
      variant((item) => (item.target = 'http://localhost:3000/en/articles/deepseek-capex')),
      variant((item) => delete item['reader:blockId']),
      variant((item) => (item['reader:sentenceIds'] = 'p01-s4')),
      variant((item) => (item['reader:verdict'] = 'supported')),
      variant((item) => (item['reader:visibility'] = 'public')),
      variant((item) => (item.body = 'http://example.org/post1')),
      variant((item) => (item.body[1].value = 'x'.repeat(41))),
      variant((item) => delete item.id),
    ];
    const result = parseAnnotationCollection([...malformed, good]);
    expect(result.notes).toEqual([imported[0]]);
    expect(result.skipped.map(({ index, reason }) => [index, reason])).toEqual([
      [0, 'is not an annotation object'],
      [1, 'motivation "bookmarking" is not one of highlighting, commenting, questioning, assessing'],
      [2, expect.stringMatching(/^motivation: /)],
      [3, 'target.selector: needs a TextQuoteSelector and a TextPositionSelector'],
      [4, 'target.selector: needs a TextQuoteSelector and a TextPositionSelector'],
      [5, expect.stringMatching(/^target\.selector\.0\.exact: .*expected string/)],
      [6, expect.stringMatching(/^target\.selector\.1\.start: /)],
      [7, 'target.source: "https://example.com/some/page" is not an article URL ending in /zh/articles/<slug> or /en/articles/<slug>'],
      [8, 'target: must be one passage of an article: an object with a source URL and selectors'],
      [9, 'reader:blockId: is missing: only notes exported by this reader can be imported'],
      [10, 'reader:sentenceIds: must be an array of strings'],
      [11, 'verdict: only a claim carries a verdict'],
      [12, expect.stringMatching(/^reader:visibility: /)],
      [13, 'body.0: must be a TextualBody or SpecificResource object'],
      [14, 'tags.0: must be at most 40 characters'],
      [15, 'id: needs an id (an IRI)'],
    ]);
    expect(result.skipped[1].id).toBe(malformed[1].id);
    expect(result.skipped[0]).not.toHaveProperty('id');
  });

  it.each([
    ['null', null, /an AnnotationCollection, an AnnotationPage or an array of annotations; got null/],
    ['text', 'notes.csv', /; got string/],
    ['an object of no annotation type', { items: [] }, /; got an object without such a type/],
    ['a single annotation', { type: 'Annotation', id: 'http://example.org/a' }, /this is a single Annotation: put it in an array/],
    [
      'a collection whose page is only linked',
      { type: 'AnnotationCollection', total: 3, first: 'http://example.org/p1' },
      /The page http:\/\/example.org\/p1 is only linked/,
    ],
    ['a collection without its first page', { type: 'AnnotationCollection', total: 3 }, /has no first page/],
    ['a page without items', { type: 'AnnotationPage', id: 'http://example.org/p1' }, /must have an items array/],
  ])('throws a clear error for %s', (_, json, message) => {
    expect(() => parseAnnotationCollection(json)).toThrow(message);
  });
});
