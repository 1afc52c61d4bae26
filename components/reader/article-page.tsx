import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AnnotationLayerWhenIdle } from '@/components/annotations/annotation-layer-when-idle';
import { PinyinControl } from '@/components/learning/pinyin-control';
import { ReadAloudControl } from '@/components/learning/read-aloud-control';
import { ReadingLevel } from '@/components/learning/reading-level';
import { WordLookupControl } from '@/components/learning/word-lookup-control';
import { SiteHeader } from '@/components/site/site-header';
import { routing } from '@/i18n/routing';
import { correctionsOf } from '@/lib/content/article-corrections';
import { keepsChineseOriginal } from '@/lib/content/article-sentences';
import { getArticle } from '@/lib/content/articles';
import { htmlLang, type ArticleLang } from '@/lib/content/types';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { isReadingView } from '@/lib/reader/views';
import { annotationServiceRel, containerPath } from '@/lib/w3c/paths';
import { ArticleBody } from './article-body';
import { ArticleFooter } from './article-footer';
import { ArticleHeader } from './article-header';
import { ReaderView } from './reader-view';
import { ReadingModeControl } from './reading-mode-control';
import { ReadingProgress } from './reading-progress';
import { TableOfContents } from './table-of-contents';

export type ArticlePageParams = { locale: string; slug: string; view: string };

export async function articleMetadata({ locale, slug }: ArticlePageParams) {
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

/**
 * The article page, one static variant per reading view, and per view again with pinyin over the
 * Chinese (`pinyin`): the proxy picks the variant from the address or the reader's cookies.
 */
export async function ArticlePage({ locale, slug, view, pinyin }: ArticlePageParams & { pinyin: boolean }) {
  setRequestLocale(locale);
  const article = await getArticle(slug);
  if (!article || !isReadingView(view)) notFound();
  const t = await getTranslations('Article');
  const review = await getTranslations('Review');
  const claimsT = await getTranslations('Claims');
  // An article without a word list (content:words) has no pinyin to offer.
  const hasWords = readArticleWords(slug) !== undefined;

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
              {hasWords && <PinyinControl served={pinyin} />}
              <ReadAloudControl />
              <ReadingLevel slug={slug} />
            </div>
            <TableOfContents article={article} />
            <ArticleBody article={article} pinyin={pinyin} />
            <ArticleFooter article={article} />
          </article>
        </ReaderView>
      </main>
    </>
  );
}
