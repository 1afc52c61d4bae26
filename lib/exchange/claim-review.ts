import type { ClaimReview, WithContext } from 'schema-dts';
import { editorialRatings, type EditorialRating } from '@/lib/annotations/vocabulary';
import type { ArticleLang, ArticleMeta } from '@/lib/content/types';
import { exportLabels } from './export-labels';

// schema.org ClaimReview for the editors' published verdicts (issue 16), as Google's fact-check
// markup reads it: claimReviewed, reviewRating with alternateName, url, author; itemReviewed a Claim
// whose appearance is the article, at the sentence.

/** A published verdict as the builder needs it. */
export type ReviewedClaim = {
  sentenceId: string;
  rating: EditorialRating;
  /** The claim in both languages, as the article has it. */
  text: Record<ArticleLang, string>;
  /** When this version of the verdict was published. */
  publishedAt: string;
  reasoning: Record<ArticleLang, string>;
};

/** Google shows at most 75 characters of claimReviewed; longer claims are cut at a word (or character) with an ellipsis. */
export const maxClaimLength = 75;

export function shortClaim(text: string): string {
  const characters = [...text.trim()];
  if (characters.length <= maxClaimLength) return characters.join('');
  const cut = characters.slice(0, maxClaimLength - 1).join('');
  const atSpace = cut.lastIndexOf(' ');
  return `${atSpace > maxClaimLength / 2 ? cut.slice(0, atSpace) : cut}…`;
}

/** Percent-encodes a text fragment's term: what encodeURIComponent leaves, `-` `,` `&` mean something in a fragment directive. */
const fragmentTerm = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/**
 * A text fragment (`#:~:text=`) that lands on the sentence: the whole of a short one, or its start
 * and end (`textStart,textEnd`) for a long one, in words for English and characters for Chinese.
 */
export function textFragment(sentence: string, lang: ArticleLang): string {
  const text = sentence.trim();
  const units = lang === 'en' ? text.split(/\s+/) : [...text];
  const edge = lang === 'en' ? 4 : 8;
  if (units.length <= edge * 3) return `#:~:text=${fragmentTerm(text)}`;
  const join = (parts: string[]) => parts.join(lang === 'en' ? ' ' : '');
  return `#:~:text=${fragmentTerm(join(units.slice(0, edge)))},${fragmentTerm(join(units.slice(-edge)))}`;
}

export type ClaimReviewDocument = WithContext<ClaimReview> & { 'reader:claimReviewedEn': string; 'reader:sentenceId': string };

export type ClaimReviewContext = {
  /** Where the site runs, e.g. https://reader.example: the base of every URL. */
  origin: string;
  slug: string;
  /** The article's language (the Chinese original) and its metadata. */
  meta: ArticleMeta;
  /** Who publishes the reviews: the site. */
  publisher: string;
};

/** One ClaimReview per published verdict, the claim in the article's language and the English beside it. */
export function claimReview(claim: ReviewedClaim, context: ClaimReviewContext): ClaimReviewDocument {
  const { origin, slug, meta } = context;
  const articleUrl = `${origin}/zh/articles/${slug}?view=zh`;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${origin}/zh/articles/${slug}/claims#claim-${claim.sentenceId}`,
    claimReviewed: shortClaim(claim.text.zh),
    'reader:claimReviewedEn': claim.text.en,
    'reader:sentenceId': claim.sentenceId,
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: meta.publication.replace(/[《》]/g, '') },
      datePublished: meta.date,
      appearance: { '@type': 'CreativeWork', url: `${articleUrl}${textFragment(claim.text.zh, 'zh')}`, headline: meta.title },
    },
    author: { '@type': 'Organization', name: context.publisher, url: origin },
    datePublished: claim.publishedAt,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: editorialRatings.indexOf(claim.rating) + 1,
      worstRating: 1,
      bestRating: editorialRatings.length,
      // In English, as the site's English pages name it.
      alternateName: englishRatings()[claim.rating],
    },
    ...(claim.reasoning.en || claim.reasoning.zh ? { reviewBody: claim.reasoning.en || claim.reasoning.zh } : {}),
  };
}

let english: Record<EditorialRating, string> | undefined;
const englishRatings = () => (english ??= exportLabels('en').ratings);

/** The reviews as one JSON-LD document (a graph), with the `reader:` prefix its extra fields use. */
export function claimReviewGraph(reviews: ClaimReviewDocument[], origin: string) {
  return {
    '@context': ['https://schema.org', { reader: `${origin}/ns/reader#` }],
    '@graph': reviews.map(({ '@context': _context, ...review }) => review),
  };
}
