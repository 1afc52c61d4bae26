import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { notFound, Refused } from '@/lib/errors/refusal';
import { parseWith } from '@/lib/errors/parse-with';
import { announce, settleWrite } from './activity';
import { refreshSearch } from './search-index';
import { withTally } from './tally';
import { requirePlausibleId } from './ids';
import { requireOwn } from './ownership';
import { renderNoteMarkdown } from './render-markdown';
import { createReplySchema, updateReplySchema } from './schema';
import { replySelect, toApiReply, type ApiReply } from './serialize';
import { requireViewer } from './service';

/** The note a reply goes under: it must exist and be visible to everyone (shared, not hidden, not deleted). */
async function threadOf(annotationId: string, viewer: Viewer) {
  requirePlausibleId(annotationId, 'annotation');
  const note = await db.annotation.findUnique({
    where: { id: annotationId },
    select: { id: true, article: true, kind: true, visibility: true, authorId: true, hiddenAt: true, deletedAt: true },
  });
  if (!note || (note.visibility === 'private' && note.authorId !== viewer.id)) throw notFound('No such annotation.');
  if (note.visibility === 'private') throw new Refused('notPossible', 'Only shared notes take replies: share this note first.');
  if (note.hiddenAt) throw new Refused('notPossible', 'This note was hidden by a moderator; it takes no replies.');
  if (note.deletedAt) throw new Refused('notPossible', 'This note was deleted; its thread takes no new replies.');
  return note;
}

function checkVerdict(kind: string, verdict: string | null | undefined) {
  if (verdict && kind !== 'claim')
    throw new Refused('invalid', 'Invalid verdict: only replies to a claim carry a verdict', [
      { field: 'verdict', message: 'only replies to a claim carry a verdict' },
    ]);
}

/** Adds a reply to a shared note's thread: 201 with it. */
export async function createReply(annotationId: string, readBody: () => Promise<unknown>, viewer: Viewer | null): Promise<ApiReply> {
  const author = requireViewer(viewer);
  const note = await threadOf(annotationId, author);
  const input = parseWith(createReplySchema, await readBody());
  checkVerdict(note.kind, input.verdict);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.reply.create({
      data: {
        id: randomUUID(),
        annotationId,
        body: input.body,
        bodyHtml: renderNoteMarkdown(input.body),
        verdict: input.verdict ?? null,
        authorId: author.id,
      },
      select: replySelect,
    });
    // The thread is part of what the review's search looks through.
    await refreshSearch(tx, annotationId);
    return created;
  });
  announce(note.article, annotationId, await settleWrite(note.article, null));
  return toApiReply(row);
}

/** Loads a reply for its author to change: 404 when missing, 403 when someone else's. */
async function ownReply(id: string, viewer: Viewer) {
  requirePlausibleId(id, 'reply');
  const reply = await db.reply.findUnique({
    where: { id },
    select: { id: true, authorId: true, version: true, annotation: { select: { id: true, article: true, kind: true } } },
  });
  return requireOwn(reply, viewer, 'reply');
}

/** Edits a reply (author only); a stale `version` gets 409 with the current reply. */
export async function updateReply(id: string, readBody: () => Promise<unknown>, viewer: Viewer | null): Promise<ApiReply> {
  const author = requireViewer(viewer);
  const current = await ownReply(id, author);
  const input = parseWith(updateReplySchema, await readBody());
  checkVerdict(current.annotation.kind, input.verdict);
  const expected = input.version ?? current.version;
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.reply.updateMany({
      where: { id, version: expected },
      data: {
        ...(input.body !== undefined ? { body: input.body, bodyHtml: renderNoteMarkdown(input.body) } : {}),
        ...(input.verdict !== undefined ? { verdict: input.verdict } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) return null;
    await refreshSearch(tx, current.annotation.id);
    return tx.reply.findUniqueOrThrow({ where: { id }, select: replySelect });
  });
  if (!result) {
    const latest = await db.reply.findUniqueOrThrow({ where: { id }, select: replySelect });
    throw new Refused(
      'conflict',
      'This reply was changed elsewhere since you loaded it; the current version is attached.',
      [],
      toApiReply(latest),
    );
  }
  announce(current.annotation.article, current.annotation.id, await settleWrite(current.annotation.article, null));
  return toApiReply(result);
}

/** Deletes a reply (author only). The last reply under a deleted note takes the placeholder with it. */
export async function deleteReply(id: string, viewer: Viewer | null): Promise<void> {
  const author = requireViewer(viewer);
  const current = await ownReply(id, author);
  const { annotation } = current;
  const { counted } = await db.$transaction(async (tx) => {
    await tx.reply.delete({ where: { id } });
    // The last reply under a deleted note takes the placeholder, and what it counted for, with it.
    const placeholder = await withTally(tx, annotation.id, () =>
      tx.annotation.deleteMany({ where: { id: annotation.id, deletedAt: { not: null }, replies: { none: {} } } }),
    );
    await refreshSearch(tx, annotation.id);
    return placeholder;
  });
  announce(annotation.article, annotation.id, await settleWrite(annotation.article, counted));
}
