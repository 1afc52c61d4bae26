import { viewerOf } from '@/lib/auth/auth';
import { pageLimit } from '@/lib/annotations/cursor';
import { ownAnnotationPage } from '@/lib/annotations/own-annotations';
import { requireViewer } from '@/lib/annotations/service';
import { jsonRoute } from '@/lib/http/json-route';

/** `?after=<next>&limit=1..500` (200): `{ annotations, next }`, the signed-in reader's own notes across articles. */
export const GET = jsonRoute(async (request: Request) => {
  const viewer = requireViewer(await viewerOf(request));
  const query = new URL(request.url).searchParams;
  const page = await ownAnnotationPage(viewer, { after: query.get('after'), limit: pageLimit(query.get('limit'), 200, 500) });
  return Response.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
});
