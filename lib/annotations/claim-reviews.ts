import 'server-only';
import { readParsedArticle } from '@/lib/content/article-files';
import { articleSentenceText } from '@/lib/content/article-sentences';
import { claimReview, claimReviewGraph, type ClaimReviewDocument } from '@/lib/exchange/claim-review';
import { requireArticle } from './article-texts';
import { publishedVerdicts, type EditorialVerdictView } from './editorial';

/** Who publishes the reviews, as ClaimReview's author names it. */
const publisher = 'Bilingual Reader';

/** The ClaimReview of one published verdict. */
export function reviewOf(slug: string, verdict: EditorialVerdictView, origin: string): ClaimReviewDocument {
  const text = (lang: 'zh' | 'en') => articleSentenceText(slug, lang, verdict.sentenceId) ?? '';
  return claimReview(
    {
      sentenceId: verdict.sentenceId,
      rating: verdict.rating!,
      text: { zh: text('zh'), en: text('en') },
      publishedAt: verdict.createdAt,
      reasoning: verdict.reasoning,
    },
    { origin, slug, meta: readParsedArticle(slug, 'zh').meta, publisher },
  );
}

/** Every published verdict of the article as ClaimReview JSON-LD (GET /api/articles/{slug}/claims.jsonld, the claims page). */
export async function articleClaimReviews(slug: string, origin: string, published?: Map<string, EditorialVerdictView>) {
  requireArticle(slug);
  const verdicts = [...(published ?? (await publishedVerdicts(slug))).values()];
  return claimReviewGraph(
    verdicts.map((verdict) => reviewOf(slug, verdict, origin)),
    origin,
  );
}
