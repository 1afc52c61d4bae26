import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ApiTokens } from '@/components/account/api-tokens';
import { SiteHeader } from '@/components/site/site-header';
import { listArticles } from '@/lib/content/articles';
import { containerPath } from '@/lib/w3c/paths';
import '@/components/account/api-tokens.css';

type Props = PageProps<'/[locale]/account'>;

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Tokens' });
  return { title: t('title'), robots: { index: false } };
}

/** The reader's account: personal API tokens for scripts and W3C annotation clients. */
export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Tokens');
  const [first] = listArticles();
  return (
    <>
      <SiteHeader path="/account" />
      <main id="main" className="account-page">
        <h1>{t('title')}</h1>
        <ApiTokens locale={locale} containerExample={containerPath(first?.zh.slug ?? '<article>')} />
      </main>
    </>
  );
}
