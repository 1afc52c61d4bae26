import { getTranslations, setRequestLocale } from 'next-intl/server';
import { WordReview } from '@/components/learning/word-review';
import { SiteHeader } from '@/components/site/site-header';
import '@/components/learning/my-words.css';

type Props = PageProps<'/[locale]/words/review'>;

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Words' });
  return { title: t('reviewTitle'), robots: { index: false } };
}

/** The day's review of the reader's saved words (issue 17). */
export default async function WordReviewPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Words');
  return (
    <>
      <SiteHeader path="/words/review" />
      <main id="main" className="words-page">
        <h1>{t('reviewTitle')}</h1>
        <p className="words-intro">{t('reviewIntro')}</p>
        <WordReview locale={locale} />
      </main>
    </>
  );
}
