import { describe, expect, it } from 'vitest';
import { toAnnotationCollection } from '@/lib/exchange/jsonld';
import { exportOptions, notes } from './fixtures';
import { annoContext, webAnnotationProblems } from './web-annotation-model';

// The spec's own examples (1, 19 and 49 of the Web Annotation Data Model).
const minimal = {
  '@context': annoContext,
  id: 'http://example.org/anno1',
  type: 'Annotation',
  body: 'http://example.org/post1',
  target: 'http://example.com/page1',
};
const textual = {
  '@context': annoContext,
  id: 'http://example.org/anno5',
  type: 'Annotation',
  body: { type: 'TextualBody', value: "<p>j'adore !</p>", format: 'text/html', language: 'fr' },
  target: 'http://example.org/photo1',
};
const page = {
  '@context': annoContext,
  id: 'http://example.org/page1',
  type: 'AnnotationPage',
  partOf: { id: 'http://example.org/collection1', label: 'Steampunk Annotations', total: 42023 },
  next: 'http://example.org/page2',
  startIndex: 0,
  items: [
    { id: 'http://example.org/anno1', type: 'Annotation', body: 'http://example.net/comment1', target: 'http://example.com/book/chapter1' },
    { id: 'http://example.org/anno2', type: 'Annotation', body: 'http://example.net/comment2', target: 'http://example.com/book/chapter2' },
  ],
};

/** A valid export with one thing broken by `breakIt`. */
function broken(breakIt: (document: any) => void) {
  const document = structuredClone(toAnnotationCollection(notes, exportOptions)) as any;
  breakIt(document);
  return document;
}

describe('webAnnotationProblems', () => {
  it('accepts the examples of the spec and our export', () => {
    expect(webAnnotationProblems(minimal)).toEqual([]);
    expect(webAnnotationProblems(textual)).toEqual([]);
    expect(webAnnotationProblems(page)).toEqual([]);
    expect(webAnnotationProblems(broken(() => {}))).toEqual([]);
  });

  it.each([
    ['a missing @context', (d: any) => delete d['@context'], /^@context: must be or contain/],
    ['another context only', (d: any) => (d['@context'] = ['http://www.w3.org/ns/activitystreams']), /^@context: must be or contain/],
    ['a one-element context array', (d: any) => (d['@context'] = [annoContext]), /a single context must be given as a string/],
    ['an annotation without id', (d: any) => delete d.first.items[0].id, /items\[0\]\.id: an Annotation must have an IRI id/],
    ['a relative annotation id', (d: any) => (d.first.items[1].id = 'anno/1'), /items\[1\]\.id: an Annotation must have an IRI id/],
    ['an annotation of another type', (d: any) => (d.first.items[0].type = 'Note'), /items\[0\]\.type: must include "Annotation"/],
    ['an annotation without target', (d: any) => delete d.first.items[0].target, /at least one target/],
    ['an unknown motivation', (d: any) => (d.first.items[0].motivation = 'liking'), /"liking" is not a motivation/],
    [
      'an unknown body purpose',
      (d: any) => (d.first.items[0].body[0].purpose = 'liking'),
      /body\[0\]\.purpose: "liking" is not a motivation/,
    ],
    [
      'a TextualBody without value',
      (d: any) => delete d.first.items[0].body[0].value,
      /body\[0\]\.value: a TextualBody must have a string value/,
    ],
    [
      'a SpecificResource without source',
      (d: any) => delete d.first.items[2].target.source,
      /target\[0\]\.source: a SpecificResource must have a source IRI/,
    ],
    [
      'a quote that is not a string',
      (d: any) => (d.first.items[0].target.selector[0].exact = 42),
      /selector\[0\]\.exact: a TextQuoteSelector must have a string exact/,
    ],
    [
      'a prefix that is not a string',
      (d: any) => (d.first.items[0].target.selector[0].prefix = null),
      /selector\[0\]\.prefix: must be a string/,
    ],
    [
      'a negative start',
      (d: any) => (d.first.items[0].target.selector[1].start = -1),
      /selector\[1\]\.start: must be a non-negative integer/,
    ],
    ['a fractional end', (d: any) => (d.first.items[0].target.selector[1].end = 2.5), /selector\[1\]\.end: must be a non-negative integer/],
    ['a start after the end', (d: any) => (d.first.items[0].target.selector[1].start = 10_000), /start must not be after end/],
    [
      'a date without timezone',
      (d: any) => (d.first.items[0].created = '2025-03-01T08:30:00'),
      /items\[0\]\.created: must be an xsd:dateTime/,
    ],
    ['a date that is not a date', (d: any) => (d.first.items[0].modified = 'yesterday'), /items\[0\]\.modified: must be an xsd:dateTime/],
    [
      'a creator of another type',
      (d: any) => (d.first.items[0].creator.type = 'Robot'),
      /creator\[0\]\.type: "Robot" is not an agent type/,
    ],
    ['a wrong total', (d: any) => (d.total += 1), /^total: is \d+ but the pages hold \d+ annotations/],
    ['a collection without id', (d: any) => delete d.id, /^id: an AnnotationCollection must have an IRI id/],
    ['a page without items', (d: any) => delete d.first.items, /^first\.items: an AnnotationPage must have an items array/],
    [
      'an empty page',
      (d: any) => ((d.first.items = []), (d.total = 0)),
      /^first\.items: an AnnotationPage must have at least one annotation/,
    ],
    ['a page of another type', (d: any) => (d.first.type = 'Page'), /^first\.type: must include "AnnotationPage"/],
  ])('rejects %s', (_, breakIt, message) => {
    const problems = webAnnotationProblems(broken(breakIt));
    expect(
      problems.some((problem) => message.test(problem)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('rejects documents that are not annotations at all', () => {
    expect(webAnnotationProblems([minimal])).toEqual(['(document): must be a JSON object']);
    expect(webAnnotationProblems({ '@context': annoContext, type: 'Note' })).toEqual([
      'type: must be Annotation, AnnotationPage or AnnotationCollection',
    ]);
  });

  it('counts the items of every embedded page against total, and trusts linked pages', () => {
    const split = broken((d) => {
      const items = d.first.items;
      d.first.items = items.slice(0, 2);
      d.first.next = { id: `${d.id}#page-2`, type: 'AnnotationPage', items: items.slice(2) };
    });
    expect(webAnnotationProblems(split)).toEqual([]);
    expect(webAnnotationProblems({ ...split, total: 2 })).toEqual([`total: is 2 but the pages hold ${split.total} annotations`]);
    expect(webAnnotationProblems({ ...split, first: 'http://example.org/page1' })).toEqual([]);
  });
});
