import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MyWords } from '@/components/learning/my-words';
import { SiteHeader } from '@/components/site/site-header';
import '@/components/learning/my-words.css';

type Props = PageProps<'/[locale]/words'>;

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Words' });
  return { title: t('title'), robots: { index: false } };
}

/** The reader's saved words (issue 17): listed, exported for Anki, reviewed. */
export default async function MyWordsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Words');
  return (
    <>
      <SiteHeader path="/words" />
      <main id="main" className="words-page">
        <h1>{t('title')}</h1>
        <p className="words-intro">{t('intro')}</p>
        <MyWords locale={locale} />
      </main>
    </>
  );
}
