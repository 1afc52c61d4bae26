import { viewerOf } from '@/lib/auth/auth';
import { jsonRoute } from '@/lib/http/json-route';

/** Who is signed in: `{ viewer: { id, name, role } | null }`. Also the baseline of the API benchmark. */
export const GET = jsonRoute(async (request: Request) => {
  return Response.json({ viewer: await viewerOf(request) }, { headers: { 'Cache-Control': 'private, no-store' } });
});
