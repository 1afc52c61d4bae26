import { viewerOf } from '@/lib/auth/auth';
import { acceptedCodings } from '@/lib/http/content-coding';
import { createAnnotation } from './service';
import { jsonRoute, readJson } from '@/lib/http/json-route';
import { listAnnotationsBody } from './list-annotations';

// GET and POST /api/articles/{slug}/annotations. They are served by pages/api (see lib/http/node-route.ts:
// only there can a kept gzip body carry its Content-Encoding).

type Context = { params: Promise<{ slug: string }> };

/** The annotations of an article the caller may see; brotli- or gzip-compressed for clients that take it. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const viewer = await viewerOf(request);
  const { chunks, coding } = await listAnnotationsBody(slug, viewer, { codings: acceptedCodings(request.headers) });
  const headers = new Headers({
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'private, no-store',
    Vary: 'Accept-Encoding',
  });
  if (coding) headers.set('Content-Encoding', coding);
  // Streamed as chunks: the kept shared part is sent as it is, never copied into a new string.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) if (chunk.length) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { headers });
});

/** Creates an annotation: 201 with it. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const viewer = await viewerOf(request);
  const annotation = await createAnnotation(slug, () => readJson(request), viewer);
  return Response.json(annotation, { status: 201, headers: { Location: `/api/annotations/${annotation.id}` } });
});
