import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/site/site-header';
import { ArticleCard } from '@/components/site/article-card';
import { listArticles } from '@/lib/content/articles';
import type { ArticleLang } from '@/lib/content/types';

export async function generateMetadata({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Index' });
  return { title: { absolute: t('metaTitle') }, description: t('description') };
}

export default async function IndexPage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Index');
  const articles = listArticles();

  return (
    <>
      <SiteHeader path="/" />
      <main id="main" className="index">
        <h1>{t('title')}</h1>
        <p className="index-description">{t('description')}</p>
        <ol className="article-list">
          {articles.map((article) => (
            <li key={article.zh.slug}>
              <ArticleCard article={article} uiLocale={locale as ArticleLang} />
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
