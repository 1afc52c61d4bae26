import { viewerOf } from '@/lib/auth/auth';
import { verdictHistory, writeVerdict } from '@/lib/annotations/editorial';
import { jsonRoute, readJson } from '@/lib/http/json-route';

type Context = { params: Promise<{ slug: string; sentenceId: string }> };

/** `{ versions }`: every version of the sentence's editorial verdict, newest first (public). */
export const GET = jsonRoute(async (_request: Request, { params }: Context) => {
  const { slug, sentenceId } = await params;
  return Response.json({ versions: await verdictHistory(slug, sentenceId) }, { headers: { 'Cache-Control': 'no-cache' } });
});

/**
 * Editors and moderators: `{ action: "publish", rating, reasoningEn?, reasoningZh?, sources?, version }`
 * or `{ action: "withdraw", version }`, `version` the latest they read (0 for none) → 201 with the new version.
 */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug, sentenceId } = await params;
  return Response.json(await writeVerdict(slug, sentenceId, () => readJson(request), await viewerOf(request)), { status: 201 });
});
