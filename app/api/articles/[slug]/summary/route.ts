import { articleSummary, currentRevision, summarySince } from '@/lib/annotations/read-model';
import { jsonRoute } from '@/lib/http/json-route';
import { revisionedJson } from '@/lib/http/revisioned';

type Context = { params: Promise<{ slug: string }> };

/**
 * `{ revision, totals, sentences: { [sentenceId]: { notes, verdicts } } }`: how much discussion each
 * sentence has. `?since=<revision>`: only the sentences changed after that revision (`since` in the answer).
 */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const since = summarySince(new URL(request.url).searchParams.get('since'));
  return revisionedJson(request, await currentRevision(slug), () => articleSummary(slug, since));
});
