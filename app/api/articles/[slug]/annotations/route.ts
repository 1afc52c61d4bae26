import { getViewer } from '@/lib/auth/auth';
import { listAnnotationsBody } from '@/lib/annotations/list-annotations';
import { createAnnotation } from '@/lib/annotations/service';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ slug: string }> };

/** The annotations of an article the caller may see. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const parts = await listAnnotationsBody(slug, await getViewer(request.headers));
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'private, no-store' };
  // Streamed as chunks: the cached shared part is sent as it is, never copied into a new string.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) if (part.length) controller.enqueue(part);
      controller.close();
    },
  });
  return new Response(body, { headers });
});

/** Creates an annotation: 201 with it. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const viewer = await getViewer(request.headers);
  const annotation = await createAnnotation(slug, () => readJson(request), viewer);
  return Response.json(annotation, { status: 201, headers: { Location: `/api/annotations/${annotation.id}` } });
});
