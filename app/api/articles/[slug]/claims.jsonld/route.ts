import { articleClaimReviews } from '@/lib/annotations/claim-reviews';
import { jsonRoute } from '@/lib/http/json-route';
import { publicOrigin } from '@/lib/http/public-origin';

type Context = { params: Promise<{ slug: string }> };

/** The editors' published verdicts on the article's claims as schema.org ClaimReview JSON-LD (issue 16). */
export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  return new Response(JSON.stringify(await articleClaimReviews(slug, publicOrigin(request))), {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
});
