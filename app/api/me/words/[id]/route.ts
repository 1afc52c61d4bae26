import { viewerOf } from '@/lib/auth/auth';
import { jsonRoute } from '@/lib/http/json-route';
import { deleteSavedWord } from '@/lib/learning/saved-words';

type Context = { params: Promise<{ id: string }> };

/** Deletes one of the reader's saved words (and its review schedule): 204. */
export const DELETE = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  await deleteSavedWord(await viewerOf(request), id);
  return new Response(null, { status: 204 });
});
