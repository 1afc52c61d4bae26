import { viewerOf } from '@/lib/auth/auth';
import { moderationQueue } from '@/lib/annotations/moderation';
import { ApiError } from '@/lib/http/api-error';
import { jsonRoute } from '@/lib/http/json-route';

/** Moderators: `?status=open` (default: notes with open flags) or `?status=hidden`. */
export const GET = jsonRoute(async (request: Request) => {
  const status = new URL(request.url).searchParams.get('status') ?? 'open';
  if (status !== 'open' && status !== 'hidden')
    throw new ApiError(400, 'Invalid status: use "open" or "hidden".', [{ field: 'status', message: 'must be open or hidden' }]);
  const items = await moderationQueue(status, await viewerOf(request));
  return Response.json({ items }, { headers: { 'Cache-Control': 'private, no-store' } });
});
