import { viewerOf } from '@/lib/auth/auth';
import { deleteReply, updateReply } from '@/lib/annotations/replies';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ id: string }> };

/** Edits a reply (author only). */
export const PATCH = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return Response.json(await updateReply(id, () => readJson(request), await viewerOf(request)));
});

/** Deletes a reply (author only): 204. */
export const DELETE = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  await deleteReply(id, await viewerOf(request));
  return new Response(null, { status: 204 });
});
