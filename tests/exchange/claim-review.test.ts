import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { readParsedArticle } from '@/lib/content/article-files';
import { claimReview, claimReviewGraph, maxClaimLength, shortClaim, textFragment, type ReviewedClaim } from '@/lib/exchange/claim-review';

const origin = 'https://reader.example';
const meta = readParsedArticle('deepseek-capex', 'zh').meta;
const sentences = readParsedArticle('deepseek-capex', 'zh').blocks.flatMap((b) => b.sentences);
const english = new Map(readParsedArticle('deepseek-capex', 'en').blocks.flatMap((b) => b.sentences.map((s) => [s.id, s.text])));
const slip = sentences.find((s) => s.text.includes('3200万美元'))!;

const claim: ReviewedClaim = {
  sentenceId: slip.id,
  rating: 'false',
  text: { zh: slip.text, en: english.get(slip.id)! },
  publishedAt: '2026-12-07T04:00:00.000Z',
  reasoning: { en: 'The four figures add up to **$320 billion**.', zh: '' },
};
const review = claimReview(claim, { origin, slug: 'deepseek-capex', meta, publisher: 'Bilingual Reader' });

describe('ClaimReview', () => {
  it('has every field Google’s fact-check markup requires or recommends', () => {
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${origin}/zh/articles/deepseek-capex/claims#claim-${slip.id}`,
      author: { '@type': 'Organization', name: 'Bilingual Reader', url: origin },
      datePublished: '2026-12-07T04:00:00.000Z',
      reviewRating: { '@type': 'Rating', ratingValue: 1, worstRating: 1, bestRating: 5, alternateName: 'False' },
      itemReviewed: { '@type': 'Claim', datePublished: meta.date, author: { '@type': 'Organization', name: '财经' } },
      'reader:claimReviewedEn': english.get(slip.id),
    });
    expect(review.claimReviewed).toBe(shortClaim(slip.text));
    expect([...String(review.claimReviewed)].length).toBeLessThanOrEqual(maxClaimLength);
  });

  it('cuts a long claim at 75 characters with an ellipsis, at a word in English', () => {
    const long = 'Microsoft, Amazon, Google and Meta together spent more on capex in 2024 than any four companies ever did.';
    const cut = shortClaim(long);
    expect([...cut].length).toBeLessThanOrEqual(maxClaimLength);
    expect(cut).toMatch(/^Microsoft, Amazon.* \S+…$/);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    const chinese = '字'.repeat(100);
    expect(shortClaim(chinese)).toBe(`${'字'.repeat(74)}…`);
    expect(shortClaim('短句。')).toBe('短句。');
  });

  it('lands on the sentence with a text fragment, encoded for Chinese and English', () => {
    const appearance = (review.itemReviewed as { appearance: { url: string } }).appearance.url;
    expect(appearance.startsWith(`${origin}/zh/articles/deepseek-capex?view=zh#:~:text=`)).toBe(true);
    const [start, end] = appearance.split('#:~:text=')[1].split(',').map(decodeURIComponent);
    expect(slip.text.startsWith(start)).toBe(true);
    expect(slip.text.endsWith(end)).toBe(true);
    // A dash, a comma and an ampersand are the fragment directive's own syntax: encoded.
    expect(textFragment('Cost-cutting, R&D', 'en')).toBe('#:~:text=Cost%2Dcutting%2C%20R%26D');
    expect(textFragment('In 2024, capital expenditure at all four of America’s tech giants hit record highs.', 'en')).toBe(
      `#:~:text=In%202024%2C%20capital%20expenditure,giants%20hit%20record%20highs.`,
    );
  });

  it('expands as JSON-LD without dropping a term (schema.org context served locally: no network here)', async () => {
    const graph = claimReviewGraph([review], origin);
    const documentLoader = async (url: string) => {
      if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`no network: ${url}`);
      return { documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } }, contextUrl: undefined };
    };
    const expanded = await jsonld.expand(graph as never, { documentLoader: documentLoader as never });
    const text = JSON.stringify(expanded);
    const terms = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          if (!key.startsWith('@')) terms.add(key);
          walk(inner);
        }
    };
    walk(graph['@graph']);
    for (const term of terms) {
      const iri = term.startsWith('reader:') ? `${origin}/ns/reader#${term.slice(7)}` : `https://schema.org/${term}`;
      expect(text, term).toContain(`"${iri}"`);
    }
    expect(text).toContain('"https://schema.org/ClaimReview"');
  });
});
