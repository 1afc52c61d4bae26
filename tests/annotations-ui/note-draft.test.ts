import { describe, expect, it } from 'vitest';
import { anchorOf, draftFor, newDraft, noteFields, worthKeeping } from '@/lib/annotations-ui/note-draft';
import type { DescribedSelection } from '@/lib/annotations-ui/page-anchoring';
import { note } from '../exchange/fixtures';

const selection = {
  lang: 'en',
  blockId: 'p01',
  sentenceIds: ['p01-s1'],
  selector: [{ type: 'TextPositionSelector', start: 0, end: 6 }],
  quote: 'Nvidia',
} as unknown as DescribedSelection;

describe('drafts and notes', () => {
  it('a new note is anchored where the selection was, without its quote, and takes its kind’s colour', () => {
    const draft = newDraft(selection, 'question');
    expect(anchorOf(draft)).toEqual({ lang: 'en', blockId: 'p01', sentenceIds: ['p01-s1'], target: { selector: selection.selector } });
    expect(noteFields({ ...draft, body: 'why?', tags: ' chips，capex , ,' })).toEqual({
      kind: 'question',
      verdict: null,
      sourceUrl: null,
      body: 'why?',
      tags: ['chips', 'capex'],
      visibility: 'private',
      color: 'purple',
    });
  });

  it('a claim keeps its verdict and trimmed source; other kinds send neither', () => {
    const claim = { ...newDraft(selection, 'claim'), verdict: 'disputed' as const, sourceUrl: ' https://example.org/a ' };
    expect(noteFields(claim)).toMatchObject({ verdict: 'disputed', sourceUrl: 'https://example.org/a' });
    expect(noteFields({ ...claim, kind: 'comment' })).toMatchObject({ verdict: null, sourceUrl: null });
  });

  it('closing keeps a new note only with writing in it, and an edit only when it changed something', () => {
    expect(worthKeeping(newDraft(selection, 'comment'), [])).toBe(false);
    expect(worthKeeping({ ...newDraft(selection, 'comment'), body: 'x' }, [])).toBe(true);
    const saved = note('n1', 'en', 'Nvidia', { body: 'first', tags: ['a'] });
    const edit = draftFor(saved);
    expect(edit.id).toBe('edit-n1');
    expect(worthKeeping(edit, [saved])).toBe(false);
    expect(worthKeeping({ ...edit, color: 'pink' }, [saved])).toBe(true);
    expect(worthKeeping({ ...edit, body: 'second' }, [saved])).toBe(true);
    // The note is gone from the reader's own (deleted elsewhere): what was typed is kept.
    expect(worthKeeping(edit, [])).toBe(true);
  });

  it('a translation is writing once reworded, names its sentence when new and only rewords when edited', () => {
    const start = { lang: 'en' as const, sentenceId: 'p01-s1', text: 'Nvidia gains.', original: 'Nvidia gains.' };
    const fresh = newDraft(selection, 'translation', start);
    expect(worthKeeping(fresh, [])).toBe(false);
    // A comment carries the same start (the reader may switch to a translation) without its rewording counting.
    expect(worthKeeping({ ...newDraft(selection, 'comment', start), suggestion: { ...start, text: 'Changed.' } }, [])).toBe(false);
    const reworded = { ...fresh, suggestion: { ...start, text: ' Nvidia gains most. ' } };
    expect(worthKeeping(reworded, [])).toBe(true);
    expect(noteFields(reworded)).toMatchObject({
      kind: 'translation',
      suggestion: { lang: 'en', sentenceId: 'p01-s1', text: 'Nvidia gains most.' },
    });
    expect(noteFields({ ...reworded, kind: 'comment' })).not.toHaveProperty('suggestion');

    const suggestion = {
      lang: 'en' as const,
      sentenceId: 'p01-s1',
      text: 'Nvidia gains most.',
      state: 'open' as const,
      decidedAt: null,
      support: 0,
      current: 'Nvidia gains.',
      diff: [],
    };
    const saved = note('t1', 'en', 'Nvidia', { kind: 'translation', suggestion });
    const edit = draftFor(saved);
    expect(edit.suggestion).toEqual({ lang: 'en', sentenceId: 'p01-s1', text: 'Nvidia gains most.', original: 'Nvidia gains.' });
    expect(worthKeeping(edit, [saved])).toBe(false);
    const again = { ...edit, suggestion: { ...edit.suggestion!, text: 'Nvidia gains the most.' } };
    expect(worthKeeping(again, [saved])).toBe(true);
    expect(noteFields(again)).toMatchObject({ suggestionText: 'Nvidia gains the most.' });
    expect(noteFields(again)).not.toHaveProperty('suggestion');
  });
});
