import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { notFound, Refused } from '@/lib/errors/refusal';
import { parseWith } from '@/lib/errors/parse-with';
import { announce, settleWrite } from './activity';
import { withTally } from './tally';
import { requirePlausibleId } from './ids';
import { loadAnnotations } from './load-annotations';
import { flagSchema, moderationSchema } from './schema';
import type { ApiAnnotation } from './serialize';
import { requireRole } from './roles';
import { requireViewer } from './service';

/** Any signed-in reader reports someone else's shared note, once: 409 the second time. */
export async function flagAnnotation(annotationId: string, readBody: () => Promise<unknown>, viewer: Viewer | null) {
  const reporter = requireViewer(viewer);
  requirePlausibleId(annotationId, 'annotation');
  const note = await db.annotation.findUnique({
    where: { id: annotationId },
    select: { visibility: true, authorId: true, deletedAt: true },
  });
  if (!note || note.deletedAt || (note.visibility === 'private' && note.authorId !== reporter.id)) throw notFound('No such annotation.');
  if (note.authorId === reporter.id) throw new Refused('notPossible', 'This is your own note: edit or delete it instead of flagging it.');
  if (note.visibility === 'private') throw new Refused('notPossible', 'Only shared notes can be flagged.');
  const { reason } = parseWith(flagSchema, await readBody());
  const existing = await db.flag.findUnique({
    where: { annotationId_reporterId: { annotationId, reporterId: reporter.id } },
    select: { resolvedAt: true },
  });
  if (existing && !existing.resolvedAt) throw new Refused('conflict', 'You have already flagged this note; a moderator will look at it.');
  // A note a moderator restored can be flagged again by the same reader.
  const flag = await db.flag.upsert({
    where: { annotationId_reporterId: { annotationId, reporterId: reporter.id } },
    create: { id: randomUUID(), annotationId, reporterId: reporter.id, reason },
    update: { reason, resolvedAt: null, createdAt: new Date() },
    select: { id: true, reason: true, createdAt: true },
  });
  return { id: flag.id, annotationId, reason: flag.reason, createdAt: flag.createdAt.toISOString() };
}

export type QueueItem = {
  annotation: ApiAnnotation;
  flags: { id: string; reason: string; reporter: { id: string; name: string }; createdAt: string; resolvedAt: string | null }[];
};

/** Moderators: notes with open flags ("open"), or the notes currently hidden ("hidden"), newest flag first. */
export async function moderationQueue(status: 'open' | 'hidden', viewer: Viewer | null): Promise<QueueItem[]> {
  await requireRole(viewer, ['moderator'], 'Only moderators can do this.');
  const where =
    status === 'open'
      ? { visibility: 'shared', deletedAt: null, hiddenAt: null, flags: { some: { resolvedAt: null } } }
      : { visibility: 'shared', hiddenAt: { not: null } };
  const [annotations, flags] = await Promise.all([
    loadAnnotations(where),
    db.flag.findMany({
      where: { annotation: where, ...(status === 'open' ? { resolvedAt: null } : {}) },
      select: {
        id: true,
        annotationId: true,
        reason: true,
        createdAt: true,
        resolvedAt: true,
        reporter: { select: { id: true, name: true } },
      },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  const items = annotations.map((annotation) => ({
    annotation,
    flags: flags
      .filter((f) => f.annotationId === annotation.id)
      .map((f) => ({
        id: f.id,
        reason: f.reason,
        reporter: f.reporter,
        createdAt: f.createdAt.toISOString(),
        resolvedAt: f.resolvedAt?.toISOString() ?? null,
      })),
  }));
  const latest = (item: QueueItem) => item.flags[0]?.createdAt ?? item.annotation.hidden?.at ?? '';
  return items.sort((a, b) => latest(b).localeCompare(latest(a)));
}

/** Moderators hide a shared note (gone for everyone but its author, who is told why) or restore it. Open flags are closed. */
export async function moderateAnnotation(annotationId: string, readBody: () => Promise<unknown>, viewer: Viewer | null) {
  await requireRole(viewer, ['moderator'], 'Only moderators can do this.');
  requirePlausibleId(annotationId, 'annotation');
  const note = await db.annotation.findUnique({ where: { id: annotationId }, select: { article: true, visibility: true } });
  if (!note || note.visibility !== 'shared') throw notFound('No such shared annotation.');
  const { action, reason } = parseWith(moderationSchema, await readBody());
  const now = new Date();
  const { counted } = await db.$transaction((tx) =>
    withTally(tx, annotationId, async () => {
      await tx.annotation.update({
        where: { id: annotationId },
        data: action === 'hide' ? { hiddenAt: now, hiddenReason: reason || null } : { hiddenAt: null, hiddenReason: null },
        select: { id: true },
      });
      await tx.flag.updateMany({ where: { annotationId, resolvedAt: null }, data: { resolvedAt: now } });
    }),
  );
  announce(note.article, annotationId, await settleWrite(note.article, counted));
  return { id: annotationId, hidden: action === 'hide' ? { at: now.toISOString(), reason: reason || null } : null };
}
