import { viewerOf } from '@/lib/auth/auth';
import { pageLimit } from '@/lib/annotations/cursor';
import { ownArticleAnnotationPage } from '@/lib/annotations/read-model';
import { requireViewer } from '@/lib/annotations/service';
import { jsonRoute } from '@/lib/http/json-route';

type Context = { params: Promise<{ slug: string }> };

/** `?after=<next>&limit=1..500` (200): `{ annotations, next }`, the signed-in reader's own notes on the article. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const viewer = requireViewer(await viewerOf(request));
  const query = new URL(request.url).searchParams;
  const page = await ownArticleAnnotationPage(slug, viewer, { after: query.get('after'), limit: pageLimit(query.get('limit'), 200, 500) });
  return Response.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
});
