import { viewerOf } from '@/lib/auth/auth';
import { readableAnnotation } from '@/lib/annotations/read-model';
import { deleteAnnotation, updateAnnotation } from '@/lib/annotations/service';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ id: string }> };

/** One annotation: one everyone may see, or the caller's own (404 otherwise). Not cached: the answer depends on who asks. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return Response.json(await readableAnnotation(id, await viewerOf(request)), { headers: { 'Cache-Control': 'private, no-cache' } });
});

/** Edits an annotation (author only). */
export const PATCH = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const viewer = await viewerOf(request);
  return Response.json(await updateAnnotation(id, () => readJson(request), viewer));
});

/** Deletes an annotation (author only): 204. */
export const DELETE = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  await deleteAnnotation(id, await viewerOf(request));
  return new Response(null, { status: 204 });
});
