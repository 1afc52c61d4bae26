import { articleRevision } from '@/lib/annotations/activity';
import { requireArticle } from '@/lib/annotations/article-texts';
import { articleEvents } from '@/lib/annotations/live-events';
import { liveStreamCaps } from '@/lib/config/server-config';
import { ApiError } from '@/lib/http/api-error';
import { clientAddressKey } from '@/lib/http/client-address';
import { jsonRoute } from '@/lib/http/json-route';
import { articleEventStream, EVENT_STREAM_HEADERS } from '@/lib/live/event-stream';
import { admitStream } from '@/lib/live/stream-admission';

type Context = { params: Promise<{ slug: string }> };

const caps = liveStreamCaps(process.env);
/** A browser that was refused tries again after this; by then a reader has usually left. */
const retryAfterSeconds = 30;

/** Server-Sent Events: the article's shared notes as other readers change them (lib/live/event-stream.ts). */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  requireArticle(slug);
  // Next answers HEAD with this handler and never reads nor cancels the body: a stream made for it
  // would hold its place until the heartbeats filled its buffer (85 minutes).
  if (request.method === 'HEAD') return new Response(null, { headers: EVENT_STREAM_HEADERS });
  const release = admitStream(clientAddressKey(request.headers), caps);
  if (!release)
    throw new ApiError(
      429,
      `Too many live update streams are open from your network (or on this server). Try again in ${retryAfterSeconds} seconds.`,
      [],
      {
        headers: { 'Retry-After': String(retryAfterSeconds) },
      },
    );
  return new Response(
    articleEventStream(slug, { signal: request.signal, onClose: release, events: articleEvents(), currentRevision: articleRevision }),
    { headers: EVENT_STREAM_HEADERS },
  );
});
