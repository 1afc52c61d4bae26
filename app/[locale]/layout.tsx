import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { HydrationMark } from '@/components/site/hydration-mark';
import { routing } from '@/i18n/routing';
import { htmlLang } from '@/lib/content/types';
import '../globals.css';

// Only `zh` and `en`: anything else (e.g. /favicon.ico) must not reach this layout.
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Site' });
  return { title: { template: `%s · ${t('name')}`, default: t('name') }, description: t('tagline') };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Site');

  return (
    <html lang={htmlLang[locale]}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
