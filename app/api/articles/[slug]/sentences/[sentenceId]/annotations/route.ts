import { pageLimit } from '@/lib/annotations/cursor';
import { currentRevision, sentenceAnnotations } from '@/lib/annotations/read-model';
import { jsonRoute } from '@/lib/http/json-route';
import { revisionedJson } from '@/lib/http/revisioned';

type Context = { params: Promise<{ slug: string; sentenceId: string }> };

/** `?after=<next>&limit=1..50` (20): `{ annotations, next }`, the notes everyone may see on one sentence, oldest first. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug, sentenceId } = await params;
  const query = new URL(request.url).searchParams;
  const page = { after: query.get('after'), limit: pageLimit(query.get('limit'), 20, 50) };
  return revisionedJson(request, await currentRevision(slug), () => sentenceAnnotations(slug, sentenceId, page));
});
