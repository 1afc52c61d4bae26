import { viewerOf } from '@/lib/auth/auth';
import { decideSuggestion } from '@/lib/annotations/suggestions';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ id: string }> };

/** Editors: `{ "state": "accepted" | "declined" | "open", "version"? }` on a shared translation suggestion. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return Response.json(await decideSuggestion(id, () => readJson(request), await viewerOf(request)));
});
