import { viewerOf } from '@/lib/auth/auth';
import { moderateAnnotation } from '@/lib/annotations/moderation';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ id: string }> };

/** Moderators: `{ "action": "hide" | "restore", "reason"? }`. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return Response.json(await moderateAnnotation(id, () => readJson(request), await viewerOf(request)));
});
