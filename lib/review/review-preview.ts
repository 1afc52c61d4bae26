import 'server-only';
import { articleSummary } from '@/lib/annotations/read-model';
import { searchSharedAnnotations } from '@/lib/annotations/review-search';
import type { ReviewFilters } from './filter';

/** Up to this many shared notes, the review page loads them all and filters in the browser; beyond, the server searches. */
export const browserFilterLimit = 2_000;

/**
 * What the review page shows before the browser takes over: the first 20 notes that pass the filters
 * (the server's search, the same as the browser's), how many pass (up to 1,000), the exact counts of every shared
 * note and verdict (kept by the writes), and whether the browser should load every note (few enough)
 * or go on asking the server.
 */
export async function reviewPreview(slug: string, filters: ReviewFilters) {
  const [summary, first] = await Promise.all([articleSummary(slug), searchSharedAnnotations(slug, filters, { after: null, limit: 20 })]);
  const verdicts = Object.fromEntries(Object.entries(summary.totals.verdicts).filter(([, count]) => count > 0));
  return {
    first: first.annotations,
    next: first.next,
    matching: { count: first.total, capped: first.totalCapped },
    counts: { total: summary.totals.notes, verdicts },
    revision: summary.revision,
    searchOnServer: summary.totals.notes > browserFilterLimit,
  };
}
