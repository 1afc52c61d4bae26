import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site/site-header';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  const locale = await getLocale();
  return (
    <>
      <SiteHeader path="/" />
      <main id="main" className="not-found">
        <h1>{t('title')}</h1>
        <p>{t('body')}</p>
        <p>
          <a href={`/${locale}`}>{t('home')}</a>
        </p>
      </main>
    </>
  );
}
