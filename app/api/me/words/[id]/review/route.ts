import { viewerOf } from '@/lib/auth/auth';
import { jsonRoute, readJson } from '@/lib/http/json-route';
import { requireReader } from '@/lib/learning/saved-words';
import { reviewWord } from '@/lib/learning/word-review';

type Context = { params: Promise<{ id: string }> };

/** `{ rating: "again" | "hard" | "good" | "easy" }`: the reader's answer on a saved word; `{ word }` with its next `due`. */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const reader = requireReader(await viewerOf(request));
  const word = await reviewWord(reader, id, await readJson(request));
  return Response.json({ word }, { headers: { 'Cache-Control': 'private, no-store' } });
});
