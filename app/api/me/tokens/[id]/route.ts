import { viewerOf } from '@/lib/auth/auth';
import { jsonRoute } from '@/lib/http/json-route';
import { requireSessionReader, revokeToken } from '@/lib/tokens/tokens';

type Context = { params: Promise<{ id: string }> };

/** Revokes one of the reader's tokens: 204, and the token is refused from the next request on. */
export const DELETE = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  await revokeToken(requireSessionReader(await viewerOf(request)), id);
  return new Response(null, { status: 204 });
});
