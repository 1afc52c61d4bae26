import type { Viewer } from '@/lib/auth/auth';
import { notFound, Refused } from '@/lib/errors/refusal';

/** What ownership looks at in a note or a reply row (replies have neither visibility nor deletion). */
type Authored = { authorId: string; visibility?: string; deletedAt?: Date | null };

/**
 * A note or reply as its author may change it: 404 when it is missing, deleted, or someone else's
 * private note (whose existence is its author's alone), 403 when it is someone else's. Moderators
 * are no exception: they act through moderation, not by editing.
 */
export function requireOwn<T extends Authored>(row: T | null, viewer: Viewer, what: 'annotation' | 'reply'): T {
  if (!row || row.deletedAt || (row.visibility === 'private' && row.authorId !== viewer.id)) throw notFound(`No such ${what}.`);
  if (row.authorId !== viewer.id) throw new Refused('forbidden', `Only the author can change this ${what}.`);
  return row;
}
