import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AnnotationLayerWhenIdle } from '@/components/annotations/annotation-layer-when-idle';
import { ArticleBody } from '@/components/reader/article-body';
import { ArticleFooter } from '@/components/reader/article-footer';
import { ArticleHeader } from '@/components/reader/article-header';
import { ReaderView } from '@/components/reader/reader-view';
import { ReadAloudControl } from '@/components/learning/read-aloud-control';
import { WordLookupControl } from '@/components/learning/word-lookup-control';
import { ReadingModeControl } from '@/components/reader/reading-mode-control';
import { ReadingProgress } from '@/components/reader/reading-progress';
import { TableOfContents } from '@/components/reader/table-of-contents';
import { SiteHeader } from '@/components/site/site-header';
import { routing } from '@/i18n/routing';
import { listArticleSlugs } from '@/lib/content/article-files';
import { correctionsOf } from '@/lib/content/article-corrections';
import { keepsChineseOriginal } from '@/lib/content/article-sentences';
import { getArticle } from '@/lib/content/articles';
import { htmlLang, type ArticleLang } from '@/lib/content/types';
import { isReadingView, readingViews } from '@/lib/reader/views';
import { annotationServiceRel, containerPath } from '@/lib/w3c/paths';

// Reached through the proxy's rewrite of /{locale}/articles/{slug}: one static page per view.
export const dynamicParams = false;

export function generateStaticParams() {
  return listArticleSlugs().flatMap((slug) => readingViews.map((view) => ({ slug, view })));
}

type Props = PageProps<'/[locale]/articles/[slug]/[view]'>;

export async function generateMetadata({ params }: Props) {
  const { locale, slug } = await params;
  const article = await getArticle(slug);
  if (!article) return {};
  const meta = article[locale as ArticleLang].meta;
  return {
    title: meta.title,
    description: meta.summary,
    alternates: {
      canonical: `/${locale}/articles/${slug}`,
      languages: Object.fromEntries(routing.locales.map((l) => [htmlLang[l], `/${l}/articles/${slug}`])),
    },
    openGraph: { type: 'article', title: meta.title, description: meta.summary, publishedTime: meta.date },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { locale, slug, view } = await params;
  setRequestLocale(locale);
  const article = await getArticle(slug);
  if (!article || !isReadingView(view)) notFound();
  const t = await getTranslations('Article');
  const review = await getTranslations('Review');
  const claimsT = await getTranslations('Claims');

  return (
    <>
      {/* React puts it in <head>: where W3C annotation clients find the article's notes (the proxy also sends it as a Link header). */}
      <link rel={annotationServiceRel} href={containerPath(slug)} />
      <SiteHeader path={`/articles/${slug}`} />
      <ReadingProgress />
      <main id="main">
        <ReaderView initialView={view}>
          <div className="reader-toolbar">
            <a className="back-link" href={`/${locale}`}>
              {t('allArticles')}
            </a>
            <div className="reader-toolbar-end">
              <ReadingModeControl />
              <a className="review-link" href={`/${locale}/articles/${slug}/review`}>
                {review('reviewLink')}
              </a>
              <AnnotationLayerWhenIdle
                slug={slug}
                locale={locale}
                corrections={correctionsOf(article.en.blocks)}
                chineseIsOriginal={keepsChineseOriginal(slug)}
              />
            </div>
          </div>
          <article className="article">
            <ArticleHeader article={article} />
            <p className="claims-link">
              <a href={`/${locale}/articles/${slug}/claims`}>{claimsT('link')}</a>
            </p>
            {/* Above the text rather than in the sticky reader bar, which they would make two rows
                tall on a phone: turned on once (remembered), and `l` looks a word up from anywhere. */}
            <div className="learning-tools">
              <WordLookupControl slug={slug} />
              <ReadAloudControl />
            </div>
            <TableOfContents article={article} />
            <ArticleBody article={article} />
            <ArticleFooter article={article} />
          </article>
        </ReaderView>
      </main>
    </>
  );
}
