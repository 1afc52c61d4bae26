import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ExchangeMenu } from '@/components/review/exchange-menu';
import { ReviewBoard } from '@/components/review/review-board';
import { SiteHeader } from '@/components/site/site-header';
import { reviewPreview } from '@/lib/review/review-preview';
import { getArticle } from '@/lib/content/articles';
import type { ArticleLang } from '@/lib/content/types';
import { filtersFromSearch } from '@/lib/review/filter';
import { articleOutline } from '@/lib/review/outline';
import './review.css';

type Props = PageProps<'/[locale]/articles/[slug]/review'>;

export async function generateMetadata({ params }: Props) {
  const { locale, slug } = await params;
  const article = await getArticle(slug);
  if (!article) return {};
  const t = await getTranslations({ locale, namespace: 'Review' });
  return { title: t('title', { title: article[locale as ArticleLang].meta.title }) };
}

/** The shared notes of an article: the server renders the first matches, the browser the rest. */
export default async function ReviewPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const article = await getArticle(slug);
  if (!article) notFound();
  const lang = locale as ArticleLang;
  const t = await getTranslations('Review');
  const outline = articleOutline(article);
  const filters = filtersFromSearch(await searchParams);
  const { first, next, matching, counts, revision, searchOnServer } = await reviewPreview(slug, filters);

  return (
    <>
      <SiteHeader path={`/articles/${slug}/review`} />
      <main id="main" className="review-page">
        <p>
          <a className="back-link" href={`/${locale}/articles/${slug}`}>
            {t('backToArticle')}
          </a>{' '}
          · <a href={`/${locale}/articles/${slug}/claims`}>{(await getTranslations('Claims'))('link')}</a>
        </p>
        <h1>{t('title', { title: article[lang].meta.title })}</h1>
        <ExchangeMenu exportPath={`/api/articles/${slug}/annotations/export`} />
        <ReviewBoard
          slug={slug}
          locale={lang}
          outline={outline}
          initial={first}
          initialFilters={filters}
          initialCounts={counts}
          initialNext={next}
          initialMatching={matching}
          searchOnServer={searchOnServer}
          revision={revision}
        />
      </main>
    </>
  );
}
