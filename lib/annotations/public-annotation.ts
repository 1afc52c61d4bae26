import 'server-only';
import { publicReads } from '@/lib/db';
import { publicWhere } from './load-annotations';
import { annotationWithTagsSelect, toApiAnnotation, type ApiAnnotation } from './serialize';

/**
 * The annotation as every reader may see it, or null when nobody but its author may (private,
 * hidden by a moderator, or gone). What live updates push to the readers of an article.
 */
export async function publicAnnotation(id: string): Promise<ApiAnnotation | null> {
  const row = await publicReads.annotation.findFirst({
    where: { id, ...publicWhere },
    select: annotationWithTagsSelect,
  });
  return row ? toApiAnnotation(row) : null;
}
