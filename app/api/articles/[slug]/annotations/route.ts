import { getViewer } from '@/lib/auth/auth';
import { createAnnotation, listAnnotations } from '@/lib/annotations/service';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ slug: string }> };

/** The annotations of an article the caller may see. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const annotations = await listAnnotations(slug, await getViewer(request.headers));
  return Response.json({ annotations }, { headers: { 'Cache-Control': 'private, no-store' } });
});

/** Creates an annotation: 201 with it. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const viewer = await getViewer(request.headers);
  const annotation = await createAnnotation(slug, () => readJson(request), viewer);
  return Response.json(annotation, { status: 201, headers: { Location: `/api/annotations/${annotation.id}` } });
});
