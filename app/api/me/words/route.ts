import { viewerOf } from '@/lib/auth/auth';
import { jsonRoute, readJson } from '@/lib/http/json-route';
import { listSavedWords, requireReader, saveWord } from '@/lib/learning/saved-words';

const privateAnswer = { 'Cache-Control': 'private, no-store' };

/** `{ words, next }`: the signed-in reader's saved words, newest first (`?after=<next>&limit=`, at most 200). */
export const GET = jsonRoute(async (request: Request) =>
  Response.json(await listSavedWords(await viewerOf(request), new URL(request.url).searchParams), { headers: privateAnswer }),
);

/** `{ article, sentenceId, start }` saves the Chinese word starting there: 201 with the card, or 200 with the one already saved. */
export const POST = jsonRoute(async (request: Request) => {
  const reader = requireReader(await viewerOf(request));
  const { word, created } = await saveWord(reader, await readJson(request));
  return Response.json({ word }, { status: created ? 201 : 200, headers: privateAnswer });
});
