import 'server-only';
import { annotationPages, publicWhere } from '@/lib/annotations/load-annotations';
import { articleSummary } from '@/lib/annotations/read-model';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { filterItems, reviewItem, type ReviewFilters, type ReviewItem } from './filter';
import type { ArticleOutline } from './outline';

/** Notes the server reads to render the review page's first matches; the browser then loads them all. */
const previewLimit = 2_000;

/**
 * What the review page shows before the browser has loaded the notes: the first 20 matches of the
 * filters among the article's first 2,000 shared notes (all of them, on any article that has not
 * more), and the exact counts of every shared note and verdict (kept by the writes, read in one row).
 * Holds one page of notes at a time whatever the article holds.
 */
export async function reviewPreview(slug: string, outline: ArticleOutline, filters: ReviewFilters) {
  const summary = await articleSummary(slug);
  const items: ReviewItem[] = [];
  let read = 0;
  for await (const page of annotationPages({ article: slug, ...publicWhere })) {
    items.push(...filterItems(page.map((note) => reviewItem(note, outline)), filters));
    read += page.length;
    if (read >= previewLimit) break;
  }
  const first: ApiAnnotation[] = filterItems(items, filters)
    .slice(0, 20)
    .map((item) => item.note);
  const verdicts = Object.fromEntries(Object.entries(summary.totals.verdicts).filter(([, count]) => count > 0));
  return { first, counts: { total: summary.totals.notes, verdicts }, revision: summary.revision };
}
