// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { hasWriting, loadDrafts, maxDraftsPerArticle, removeDraft, saveDraft, type NoteDraft } from '@/lib/annotations-ui/draft-store';

const draft = (id: string, body = '', savedAt = 0): NoteDraft => ({
  id,
  kind: 'comment',
  verdict: 'unverified',
  sourceUrl: '',
  body,
  tags: '',
  visibility: 'private',
  savedAt,
});

beforeEach(() => localStorage.clear());

describe('the draft store', () => {
  it('keeps several drafts of one article, and only the last opened is marked open', () => {
    saveDraft('a', draft('one', 'first'), true);
    saveDraft('a', draft('two', 'second'), true);
    const drafts = loadDrafts('a');
    expect(drafts.map((d) => [d.id, d.body, d.open])).toEqual([
      ['two', 'second', true],
      ['one', 'first', false],
    ]);
    expect(loadDrafts('b')).toEqual([]);
  });

  it('replaces a draft by its id and removes one on request', () => {
    saveDraft('a', draft('one', 'first'), true);
    saveDraft('a', draft('one', 'first, longer'), false);
    expect(loadDrafts('a').map((d) => [d.body, d.open])).toEqual([['first, longer', false]]);
    removeDraft('a', 'one');
    expect(loadDrafts('a')).toEqual([]);
  });

  it('moves the single draft kept by earlier versions into the list, open', () => {
    const { id: _id, ...old } = draft('x', 'from before');
    localStorage.setItem('reader-note-draft:a', JSON.stringify(old));
    expect(loadDrafts('a').map((d) => [d.body, d.open])).toEqual([['from before', true]]);
    expect(localStorage.getItem('reader-note-draft:a')).toBeNull();
    expect(loadDrafts('a')).toHaveLength(1);
  });

  it('ignores what it cannot read rather than failing the page', () => {
    localStorage.setItem('reader-note-drafts:a', '{not json');
    expect(loadDrafts('a')).toEqual([]);
    localStorage.setItem('reader-note-drafts:a', JSON.stringify([{ id: 1 }, null, draft('ok', 'fine')]));
    expect(loadDrafts('a').map((d) => d.id)).toEqual(['ok']);
  });

  it('leaves out stored drafts it could not show, rather than breaking the page', () => {
    const target = { lang: 'zh', blockId: 'p01', sentenceIds: ['p01-s1'], target: { selector: [] }, quote: '是否' };
    const stored = [
      { ...draft('ok', 'fine'), target },
      { ...draft('quote'), target: { ...target, quote: { html: '<b>' } } },
      { ...draft('lang'), target: { ...target, lang: 'fr' } },
      { ...draft('ids'), target: { ...target, sentenceIds: 'p01-s1' } },
      { ...draft('kind'), kind: 'rant' },
      { ...draft('body'), body: 42 },
      { ...draft('colour'), color: 'url(javascript:x)' },
      { ...draft('pink'), color: 'pink' },
    ];
    localStorage.setItem('reader-note-drafts:a', JSON.stringify(stored));
    expect(loadDrafts('a').map((d) => d.id)).toEqual(['ok', 'pink']);
  });

  it('bounds the drafts per article, keeping the open one and the newest', () => {
    saveDraft('a', draft('open', 'writing'), true);
    for (let i = 0; i < maxDraftsPerArticle + 5; i++) saveDraft('a', draft(`d${i}`, `text ${i}`), false);
    const drafts = loadDrafts('a');
    expect(drafts).toHaveLength(maxDraftsPerArticle);
    expect(drafts.some((d) => d.id === 'open')).toBe(true);
    expect(drafts.some((d) => d.id === `d${maxDraftsPerArticle + 4}`)).toBe(true);
    expect(drafts.some((d) => d.id === 'd0')).toBe(false);
  });

  it('counts a draft as writing once it holds any text', () => {
    expect(hasWriting(draft('e', '  '))).toBe(false);
    expect(hasWriting({ ...draft('t'), tags: 'ai' })).toBe(true);
    expect(hasWriting(draft('b', 'x'))).toBe(true);
  });

  it('keeps a translation draft only with a well-formed suggestion', () => {
    const suggestion = { lang: 'en' as const, sentenceId: 'p01-s1', text: 'New.', original: 'Old.' };
    const stored = [
      { ...draft('good', '', 1), kind: 'translation', suggestion },
      { ...draft('none', '', 2), kind: 'translation' },
      { ...draft('bad', '', 3), kind: 'translation', suggestion: { ...suggestion, lang: 'fr' } },
      { ...draft('partial', '', 4), kind: 'translation', suggestion: { lang: 'en', sentenceId: 'p01-s1' } },
    ];
    localStorage.setItem('reader-note-drafts:a', JSON.stringify(stored));
    expect(loadDrafts('a').map((d) => d.id)).toEqual(['good']);
    expect(hasWriting({ ...draft('t'), kind: 'translation', suggestion: { ...suggestion, text: 'Old.' } })).toBe(false);
    expect(hasWriting({ ...draft('t'), kind: 'translation', suggestion: { ...suggestion, lang: 'en' } })).toBe(true);
  });
});
