import { describe, expect, it } from 'vitest';
import { toAnnotationCollection, type NoteAnnotation, type ReplyAnnotation } from '@/lib/exchange/jsonld';
import { claim, comment, deleted, exportOptions, highlight, note, notes, origin, question, slug } from './fixtures';
import { annoContext, webAnnotationProblems } from './web-annotation-model';

const collection = toAnnotationCollection(notes, exportOptions);
const items = collection.first!.items;
const byId = (id: string) => items.find((item) => item.id === id)!;
const noteItem = (id: string) => byId(`${origin}/api/annotations/${id}`) as NoteAnnotation;
const replyItem = (id: string) => byId(`${origin}/api/replies/${id}`) as ReplyAnnotation;

describe('toAnnotationCollection', () => {
  it('passes the Web Annotation model checker, also after a trip through JSON', () => {
    expect(webAnnotationProblems(collection)).toEqual([]);
    expect(webAnnotationProblems(JSON.parse(JSON.stringify(collection)))).toEqual([]);
  });

  it('is one collection with an embedded page holding every note followed by its replies', () => {
    expect(collection).toMatchObject({ id: exportOptions.id, type: 'AnnotationCollection', label: exportOptions.label, total: 9 });
    expect(collection['@context']).toEqual([annoContext, { reader: `${origin}/ns/reader#` }]);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', partOf: exportOptions.id, startIndex: 0 });
    expect(collection.last).toBe(collection.first!.id);
    expect(items.map((item) => item.id.replace(`${origin}/api/`, ''))).toEqual([
      'annotations/c1',
      'replies/r1',
      'annotations/k1',
      'replies/r2',
      'replies/r3',
      'annotations/h1',
      'annotations/q1',
      'annotations/d1',
      'replies/r4',
    ]);
  });

  it('has no page when there are no notes, as a page must hold at least one annotation', () => {
    const empty = toAnnotationCollection([], exportOptions);
    expect(empty).toEqual({
      '@context': collection['@context'],
      id: exportOptions.id,
      type: 'AnnotationCollection',
      label: exportOptions.label,
      total: 0,
    });
    expect(webAnnotationProblems(empty)).toEqual([]);
  });

  it('gives each kind its motivation', () => {
    expect([comment, claim, highlight, question].map((note) => noteItem(note.id).motivation)).toEqual([
      'commenting',
      'assessing',
      'highlighting',
      'questioning',
    ]);
  });

  it('names the note, its author and its passage by IRI, with both selectors', () => {
    expect(noteItem('k1')).toMatchObject({
      type: 'Annotation',
      created: claim.createdAt,
      modified: claim.updatedAt,
      creator: { id: `${origin}/users/${claim.author.id}`, type: 'Person', name: '王波' },
      target: { source: `${origin}/zh/articles/${slug}`, selector: claim.target.selector },
    });
    expect(noteItem('c1').target.source).toBe(`${origin}/en/articles/${slug}`);
  });

  it('gives the Markdown, the tags, the verdict and the source as bodies', () => {
    expect(noteItem('c1').body).toEqual([
      { type: 'TextualBody', value: comment.body, format: 'text/markdown', language: 'en', purpose: 'commenting' },
      { type: 'TextualBody', value: 'capex', purpose: 'tagging' },
      { type: 'TextualBody', value: 'nvidia', purpose: 'tagging' },
    ]);
    expect(noteItem('k1').body).toEqual([
      { type: 'TextualBody', value: claim.body, format: 'text/markdown', language: 'zh-Hans', purpose: 'assessing' },
      { type: 'TextualBody', value: '成本', purpose: 'tagging' },
      { type: 'TextualBody', value: 'deepseek', purpose: 'tagging' },
      { type: 'TextualBody', value: 'disputed', purpose: 'assessing' },
      { type: 'SpecificResource', source: 'https://arxiv.org/abs/2412.19437', purpose: 'linking' },
    ]);
  });

  it('leaves out the body of a bare highlight', () => {
    expect(noteItem('h1')).not.toHaveProperty('body');
  });

  it('keeps what the model has no term for under the reader: prefix, private notes included', () => {
    expect(noteItem('h1')).toMatchObject({
      'reader:visibility': 'private',
      'reader:blockId': 'p01',
      'reader:sentenceIds': ['p01-s1', 'p01-s2'],
      'reader:resolved': false,
      'reader:verdict': null,
      'reader:deleted': false,
    });
    expect(noteItem('q1')).toMatchObject({ 'reader:visibility': 'private', 'reader:resolved': true });
    expect(noteItem('k1')).toMatchObject({ 'reader:visibility': 'shared', 'reader:verdict': 'disputed' });
  });

  it("sends the translator's correction with a quote of a slip in the Chinese, and only there", () => {
    const quotes = [
      note('slip', 'zh', '2025年资本支出总额将超过3200万美元'),
      note('fine', 'zh', '英伟达是算力投资最大受益者'),
      note('english', 'en', 'will exceed $320 billion [given as $32 million in the original]'),
    ];
    const exported = toAnnotationCollection(quotes, exportOptions);
    const [slip, fine, english] = exported.first!.items as NoteAnnotation[];
    expect(slip['reader:sourceCorrections']).toEqual([
      expect.stringMatching(/^The original reads “3200万美元” \(\$32 million\), a slip for “3200亿美元”/),
    ]);
    expect(fine).not.toHaveProperty('reader:sourceCorrections');
    expect(english).not.toHaveProperty('reader:sourceCorrections');
    expect(webAnnotationProblems(exported)).toEqual([]);
  });

  it('exports a deleted note as a placeholder without body that keeps its passage and thread', () => {
    const placeholder = noteItem('d1');
    expect(placeholder).not.toHaveProperty('body');
    expect(placeholder).toMatchObject({ 'reader:deleted': true, target: { selector: deleted.target.selector } });
    expect(replyItem('r4').target).toBe(placeholder.id);
  });

  it('exports replies as annotations replying to the note, with their verdict as an assessing body', () => {
    expect(replyItem('r1')).toEqual({
      id: `${origin}/api/replies/r1`,
      type: 'Annotation',
      motivation: 'replying',
      created: comment.replies[0].createdAt,
      modified: comment.replies[0].updatedAt,
      creator: { id: `${origin}/users/user-bob`, type: 'Person', name: '王波' },
      body: [{ type: 'TextualBody', value: comment.replies[0].body, format: 'text/markdown', language: 'en', purpose: 'replying' }],
      target: `${origin}/api/annotations/c1`,
      'reader:verdict': null,
    });
    expect(replyItem('r2')).toMatchObject({
      target: `${origin}/api/annotations/k1`,
      body: [{ purpose: 'replying' }, { type: 'TextualBody', value: 'supported', purpose: 'assessing' }],
      'reader:verdict': 'supported',
    });
  });
});
