import { setRequestLocale } from 'next-intl/server';
import { AuthPage, authPageMetadata } from '@/components/account/auth-page';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-up'>) {
  return authPageMetadata('sign-up', (await params).locale);
}

export default async function Page({ params }: PageProps<'/[locale]/sign-up'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <AuthPage mode="sign-up" locale={locale} />;
}
