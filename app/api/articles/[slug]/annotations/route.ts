import { viewerOf } from '@/lib/auth/auth';
import { pageLimit } from '@/lib/annotations/cursor';
import { currentRevision, sharedAnnotationPage } from '@/lib/annotations/read-model';
import { isSearch, searchFiltersFrom, searchSharedAnnotations } from '@/lib/annotations/review-search';
import { createAnnotation } from '@/lib/annotations/service';
import { jsonRoute, readJson } from '@/lib/http/json-route';
import { revisionedJson } from '@/lib/http/revisioned';

type Context = { params: Promise<{ slug: string }> };

/**
 * `?after=<next>&limit=1..500` (200): `{ annotations, next }`, the notes everyone may see on the
 * article, oldest first. With the review page's filters (`kind`, `verdict`, `tag`, `author`, `lang`,
 * `section`, `q`, `order=reading|newest`): the notes that pass them, in that order, and `total` (counted up to 1,000; `totalCapped` beyond).
 */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const page = { after: query.get('after'), limit: pageLimit(query.get('limit'), 200, 500) };
  if (!isSearch(query)) return revisionedJson(request, await currentRevision(slug), () => sharedAnnotationPage(slug, page));
  const filters = searchFiltersFrom(query, slug);
  return revisionedJson(request, await currentRevision(slug), () => searchSharedAnnotations(slug, filters, page));
});

/** Creates an annotation: 201 with it. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const annotation = await createAnnotation(slug, () => readJson(request), await viewerOf(request));
  return Response.json(annotation, { status: 201, headers: { Location: `/api/annotations/${annotation.id}` } });
});
