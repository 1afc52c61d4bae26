import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ModerationQueue } from '@/components/moderation/moderation-queue';
import { SiteHeader } from '@/components/site/site-header';
import { listArticles } from '@/lib/content/articles';
import type { ArticleLang } from '@/lib/content/types';
import './moderation.css';

type Props = PageProps<'/[locale]/moderation'>;

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Moderation' });
  return { title: t('title'), robots: { index: false } };
}

/** The moderation queue. Who may see it is the API's decision (it reads the role from the database), so the browser asks. */
export default async function ModerationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const lang = locale as ArticleLang;
  const t = await getTranslations('Moderation');
  const status = (await searchParams).status === 'hidden' ? 'hidden' : 'open';
  const titles = Object.fromEntries(listArticles().map((meta) => [meta.zh.slug, meta[lang].title]));

  return (
    <>
      <SiteHeader path="/moderation" />
      <main id="main" className="moderation-page">
        <h1>{t('title')}</h1>
        <p className="moderation-intro">{t('intro')}</p>
        <ModerationQueue locale={lang} initialStatus={status} titles={titles} />
      </main>
    </>
  );
}
