import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { publishArticleChange } from '@/lib/live/publish';

type Client = Pick<Prisma.TransactionClient, 'articleActivity'>;

/**
 * Bumps the article's revision: run it in the same transaction as any write that changes what other
 * readers see (a shared note, its thread, its visibility). The revision keys the shared-notes cache
 * and numbers live events, so a missed bump would serve stale notes.
 */
export function bumpRevision(client: Client, article: string) {
  return client.articleActivity.upsert({
    where: { article },
    create: { article, revision: 1 },
    update: { revision: { increment: 1 } },
    select: { revision: true },
  });
}

/** The article's current revision (0 before any shared write). */
export async function articleRevision(article: string): Promise<number> {
  const row = await db.articleActivity.findUnique({ where: { article }, select: { revision: true } });
  return row?.revision ?? 0;
}

/** Tells live readers, after the transaction committed. A failed notification never fails the write. */
export function announce(article: string, annotationId: string, revision: number) {
  publishArticleChange({ article, annotationId, revision }).catch((error: unknown) =>
    console.error(JSON.stringify({ level: 'warn', message: 'live update not sent', article, error: String(error) })),
  );
}
