import { getFormatter, getTranslations } from 'next-intl/server';
import { htmlLang, type ArticleLang, type ArticleMeta } from '@/lib/content/types';

/** One article in the index: its title in the interface language first, then in the other. */
export async function ArticleCard({ article, uiLocale }: { article: Record<ArticleLang, ArticleMeta>; uiLocale: ArticleLang }) {
  const t = await getTranslations('Index');
  const format = await getFormatter();
  const other: ArticleLang = uiLocale === 'zh' ? 'en' : 'zh';
  const main = article[uiLocale];
  const href = `/${uiLocale}/articles/${main.slug}`;

  return (
    <article className="article-card">
      <h2 lang={htmlLang[uiLocale]}>
        <a href={href}>{main.title}</a>
      </h2>
      <p className="article-card-other" lang={htmlLang[other]}>
        {article[other].title}
      </p>
      <p className="article-card-summary" lang={htmlLang[uiLocale]}>
        {main.summary}
      </p>
      <p className="article-card-meta">
        {main.publication} · {main.author} ·{' '}
        <time dateTime={main.date}>{t('published', { date: format.dateTime(new Date(main.date), { dateStyle: 'long' }) })}</time>
      </p>
    </article>
  );
}
