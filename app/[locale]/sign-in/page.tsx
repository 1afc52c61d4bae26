import { setRequestLocale } from 'next-intl/server';
import { AuthPage, authPageMetadata } from '@/components/account/auth-page';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-in'>) {
  return authPageMetadata('sign-in', (await params).locale);
}

export default async function Page({ params }: PageProps<'/[locale]/sign-in'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <AuthPage mode="sign-in" locale={locale} />;
}
