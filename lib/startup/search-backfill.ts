import 'server-only';
import { refreshSearch } from '@/lib/annotations/search-index';
import { db } from '@/lib/db';

/**
 * Notes written before the review's search had columns of its own (migration review_search) get
 * them as the server starts, 200 at a time, in the background; every note has a quote, so an empty
 * search text marks one not done yet. Returns how many it filled in.
 */
export async function backfillSearch(batch = 200): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.annotation.findMany({ where: { searchText: '' }, select: { id: true }, take: batch });
    if (rows.length === 0) return filled;
    for (const { id } of rows) await db.$transaction((tx) => refreshSearch(tx, id));
    filled += rows.length;
  }
}
