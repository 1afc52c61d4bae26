import { viewerOf } from '@/lib/auth/auth';
import { createReply } from '@/lib/annotations/replies';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ id: string }> };

/** Replies to a shared note: 201 with the reply. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const reply = await createReply(id, () => readJson(request), await viewerOf(request));
  return Response.json(reply, { status: 201, headers: { Location: `/api/replies/${reply.id}` } });
});
