import { requireArticle } from '@/lib/annotations/article-texts';
import { jsonRoute } from '@/lib/http/json-route';
import { articleEventStream, EVENT_STREAM_HEADERS } from '@/lib/live/event-stream';

type Context = { params: Promise<{ slug: string }> };

/** Server-Sent Events: the article's shared notes as other readers change them (lib/live/event-stream.ts). */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  requireArticle(slug);
  return new Response(articleEventStream(slug, { signal: request.signal }), { headers: EVENT_STREAM_HEADERS });
});
