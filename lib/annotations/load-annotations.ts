import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { annotationSelect, replySelect, toApiAnnotation, type ApiAnnotation, type ReplyRow } from './serialize';

/** The notes every reader may see: shared, not hidden by a moderator. */
export const publicWhere = { visibility: 'shared', hiddenAt: null } satisfies Prisma.AnnotationWhereInput;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return groups;
}

/**
 * Annotations matching `where` with their tags and replies, oldest first. Tags and replies come in
 * joined queries rather than through `include`, which would bind every annotation id as a
 * parameter (past SQLite's limit on a long list).
 */
export async function loadAnnotations(where: Prisma.AnnotationWhereInput): Promise<ApiAnnotation[]> {
  const rows = await db.annotation.findMany({ where, select: annotationSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  // Most readers have no private notes on an article: their list costs one query, not three.
  if (rows.length === 0) return [];
  const [tags, replies] = await Promise.all([
    db.annotationTag.findMany({ where: { annotation: where }, select: { annotationId: true, tag: true }, orderBy: { tag: 'asc' } }),
    db.reply.findMany({ where: { annotation: where }, select: replySelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const tagsOf = groupBy(tags, (t) => t.annotationId);
  const repliesOf = groupBy<ReplyRow>(replies, (r) => r.annotationId);
  return rows.map((row) => toApiAnnotation({ ...row, tags: tagsOf.get(row.id) ?? [], replies: repliesOf.get(row.id) ?? [] }));
}
