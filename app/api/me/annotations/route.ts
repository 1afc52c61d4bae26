import { viewerOf } from '@/lib/auth/auth';
import { listOwnAnnotations } from '@/lib/annotations/own-annotations';
import { jsonRoute } from '@/lib/http/json-route';

/** The signed-in reader's own notes across articles: `{ annotations: [...] }`. */
export const GET = jsonRoute(async (request: Request) => {
  const annotations = await listOwnAnnotations(await viewerOf(request));
  return Response.json({ annotations }, { headers: { 'Cache-Control': 'private, no-store' } });
});
