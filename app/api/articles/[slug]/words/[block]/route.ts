import { jsonRoute } from '@/lib/http/json-route';
import { wordPiece } from '@/lib/learning/word-piece';

type Context = { params: Promise<{ slug: string; block: string }> };

/**
 * The words of one block of an article's Chinese, with pinyin in context and dictionary entries, for
 * the lookup card (issue 17). Public and the same for everyone: cacheable by any proxy, revalidated
 * by its ETag after a deploy.
 */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug, block } = await params;
  const { piece, etag } = wordPiece(slug, block);
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400', Vary: 'Accept-Encoding' };
  if (
    request.headers
      .get('if-none-match')
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return new Response(null, { status: 304, headers });
  return Response.json(piece, { headers });
});
