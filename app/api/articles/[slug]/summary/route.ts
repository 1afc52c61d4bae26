import { articleSummary, currentRevision } from '@/lib/annotations/read-model';
import { jsonRoute } from '@/lib/http/json-route';
import { revisionedJson } from '@/lib/http/revisioned';

type Context = { params: Promise<{ slug: string }> };

/** `{ revision, totals, sentences: { [sentenceId]: { notes, verdicts } } }`: how much discussion each sentence has. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  return revisionedJson(request, await currentRevision(slug), () => articleSummary(slug));
});
