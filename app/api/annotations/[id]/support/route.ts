import { viewerOf } from '@/lib/auth/auth';
import { supportSuggestion } from '@/lib/annotations/suggestions';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ id: string }> };

/** A reader +1s someone else's open translation suggestion, or takes it back: `{ "support": true | false }`. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  return Response.json(await supportSuggestion(id, () => readJson(request), await viewerOf(request)));
});
