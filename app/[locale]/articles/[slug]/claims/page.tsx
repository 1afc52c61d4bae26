import { getTranslations, setRequestLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { SiteHeader } from '@/components/site/site-header';
import { ClaimItem } from '@/components/claims/claim-item';
import { ClaimsFilters } from '@/components/claims/claims-filters';
import { ClaimsPager } from '@/components/claims/claims-pager';
import { EditorialVerdict } from '@/components/claims/editorial-verdict';
import { VerdictForm } from '@/components/claims/verdict-form';
import { articleClaimReviews } from '@/lib/annotations/claim-reviews';
import { claimsPage, claimsQueryOf } from '@/lib/annotations/claims';
import { publishedVerdicts, verdictHistory } from '@/lib/annotations/editorial';
import { getViewer } from '@/lib/auth/auth';
import { publicOrigin } from '@/lib/http/public-origin';
import { getArticle } from '@/lib/content/articles';
import type { ArticleLang } from '@/lib/content/types';
import { articleOutline } from '@/lib/review/outline';
import './claims.css';

type Props = PageProps<'/[locale]/articles/[slug]/claims'>;

export async function generateMetadata({ params }: Props) {
  const { locale, slug } = await params;
  const article = await getArticle(slug);
  if (!article) return {};
  const t = await getTranslations({ locale, namespace: 'Claims' });
  return { title: t('title', { title: article[locale as ArticleLang].meta.title }) };
}

/**
 * The claims view (issue 16): the article's claim sentences, both languages side by side, with the
 * readers' tally, sources and consensus; filtered, sorted and paged by its address, so it reads the
 * same without JavaScript.
 */
export default async function ClaimsPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const article = await getArticle(slug);
  if (!article) notFound();
  const lang = locale as ArticleLang;
  const t = await getTranslations('Claims');
  const outline = articleOutline(article);
  const query = claimsQueryOf(await searchParams, outline.sections.length);
  // Read once: the page's verdicts and its ClaimReviews come from the same rows.
  const verdicts = await publishedVerdicts(slug);
  const { claims, total, page, pages } = await claimsPage(slug, article.zh.blocks, query, verdicts);
  const requestHeaders = await headers();
  // Only a hint for showing the form: the API checks the role in the database.
  const viewer = await getViewer(requestHeaders);
  const factChecker = viewer?.role === 'editor' || viewer?.role === 'moderator';
  const histories = new Map(
    await Promise.all(
      claims
        .filter((claim) => factChecker || claim.editorial)
        .map(async (claim) => [claim.sentenceId, await verdictHistory(slug, claim.sentenceId)] as const),
    ),
  );
  const origin = publicOrigin(new Request('http://localhost/', { headers: requestHeaders }));
  // Every published verdict as schema.org ClaimReview, for search engines and fact-check tools (`<` escaped: it is inside a script element).
  const reviews = JSON.stringify(await articleClaimReviews(slug, origin, verdicts)).replace(/</g, '\\u003c');
  const sectionName = (index: number) => (index === 0 ? t('opening') : (outline.sections[index]?.title[lang] ?? ''));

  return (
    <>
      <SiteHeader path={`/articles/${slug}/claims`} />
      <main id="main" className="claims-page">
        <p className="claims-links">
          <a className="back-link" href={`/${locale}/articles/${slug}`}>
            {(await getTranslations('Review'))('backToArticle')}
          </a>
        </p>
        <h1>{t('title', { title: article[lang].meta.title })}</h1>
        <p className="claims-lead">{t('lead')}</p>
        <ClaimsFilters query={query} sections={outline.sections.map((_, i) => sectionName(i))} />
        <p className="claims-count" role="status">
          {t('count', { count: total })}
        </p>
        {total === 0 && query.consensus === undefined && query.section === undefined ? (
          <p className="claims-none">{t('none')}</p>
        ) : (
          <ol className="claims-list">
            {claims.map((claim) => (
              <ClaimItem
                key={claim.sentenceId}
                claim={claim}
                texts={outline.sentences[claim.sentenceId]}
                section={sectionName(claim.section)}
                readHref={`/${locale}/articles/${slug}?view=bilingual#zh-${claim.blockId}`}
              >
                {claim.editorial && (
                  <EditorialVerdict verdict={claim.editorial} history={histories.get(claim.sentenceId) ?? []} locale={lang} />
                )}
                {factChecker && (
                  <VerdictForm
                    slug={slug}
                    sentenceId={claim.sentenceId}
                    current={{
                      version: histories.get(claim.sentenceId)?.[0]?.version ?? 0,
                      rating: claim.editorial?.rating ?? null,
                      reasoning: claim.editorial?.reasoning ?? { en: '', zh: '' },
                      sources: claim.editorial?.sources ?? [],
                    }}
                  />
                )}
              </ClaimItem>
            ))}
          </ol>
        )}
        <ClaimsPager query={query} page={page} pages={pages} />
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: reviews }} />
      </main>
    </>
  );
}
