import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/site/site-header';

export async function generateMetadata({ params }: PageProps<'/[locale]/about'>) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'About' });
  return { title: t('title') };
}

/** A short page about the reader; the page benchmark also uses it as the near-empty baseline. */
export default async function AboutPage({ params }: PageProps<'/[locale]/about'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('About');
  return (
    <>
      <SiteHeader path="/about" />
      <main id="main" className="index">
        <h1>{t('title')}</h1>
        <p>{t('body')}</p>
        <p>
          {t.rich('dictionary', {
            cedict: (chunks) => <a href="https://cc-cedict.org/wiki/">{chunks}</a>,
            license: (chunks) => <a href="https://creativecommons.org/licenses/by-sa/4.0/">{chunks}</a>,
          })}
        </p>
      </main>
    </>
  );
}
