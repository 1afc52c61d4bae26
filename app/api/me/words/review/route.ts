import { viewerOf } from '@/lib/auth/auth';
import { jsonRoute } from '@/lib/http/json-route';
import { dueWords } from '@/lib/learning/word-review';

/** `{ words, due }`: the reader's saved words due for review now, longest due first (`?limit=`, at most 50), and how many are due. */
export const GET = jsonRoute(async (request: Request) =>
  Response.json(await dueWords(await viewerOf(request), new URL(request.url).searchParams), {
    headers: { 'Cache-Control': 'private, no-store' },
  }),
);
