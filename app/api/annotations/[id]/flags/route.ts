import { viewerOf } from '@/lib/auth/auth';
import { flagAnnotation } from '@/lib/annotations/moderation';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ id: string }> };

/** Flags someone else's shared note for the moderators: 201. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return Response.json(await flagAnnotation(id, () => readJson(request), await viewerOf(request)), { status: 201 });
});
