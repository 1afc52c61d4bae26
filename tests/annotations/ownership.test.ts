// requireOwn is the one ownership check of note and reply writes (edit, delete); the API answers its
// refusals with 404 and 403 (lib/http/api-error.ts), with these messages.
import { describe, expect, it } from 'vitest';
import { requireOwn } from '@/lib/annotations/ownership';
import type { Viewer } from '@/lib/auth/auth';

const ada: Viewer = { id: 'ada', name: 'Ada', role: 'reader' };
const bo: Viewer = { id: 'bo', name: 'Bo', role: 'reader' };
const mo: Viewer = { id: 'mo', name: 'Mo', role: 'moderator' };

const note = (visibility: 'private' | 'shared', deletedAt: Date | null = null) => ({ id: 'n1', authorId: 'ada', visibility, deletedAt });
const reply = { id: 'r1', authorId: 'ada', version: 1 };
const refused = (refusal: string, message: string) => expect.objectContaining({ refusal, message });

describe('requireOwn', () => {
  it('gives the author their own note, private or shared, and their reply', () => {
    const mine = note('private');
    expect(requireOwn(mine, ada, 'annotation')).toBe(mine);
    expect(requireOwn(note('shared'), ada, 'annotation')).toEqual(note('shared'));
    expect(requireOwn(reply, ada, 'reply')).toBe(reply);
  });

  it('refuses anyone else, a moderator too, with 403 where they may see the thing', () => {
    for (const viewer of [bo, mo]) {
      expect(() => requireOwn(note('shared'), viewer, 'annotation')).toThrow(
        refused('forbidden', 'Only the author can change this annotation.'),
      );
      expect(() => requireOwn(reply, viewer, 'reply')).toThrow(refused('forbidden', 'Only the author can change this reply.'));
    }
  });

  it('answers 404 for what is missing or deleted, and for someone else’s private note', () => {
    const none = refused('notFound', 'No such annotation.');
    expect(() => requireOwn(null, ada, 'annotation')).toThrow(none);
    expect(() => requireOwn(note('shared', new Date()), ada, 'annotation')).toThrow(none);
    expect(() => requireOwn(note('private'), bo, 'annotation')).toThrow(none);
    expect(() => requireOwn(note('private'), mo, 'annotation')).toThrow(none);
    expect(() => requireOwn(null, ada, 'reply')).toThrow(refused('notFound', 'No such reply.'));
  });
});
