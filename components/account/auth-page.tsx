import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site/site-header';
import { AuthForm } from './auth-form';
import { OtherAuthLink } from './other-auth-link';

const texts = {
  'sign-in': { title: 'signInTitle', intro: 'signInIntro', question: 'noAccount', other: 'sign-up', otherLabel: 'signUp' },
  'sign-up': { title: 'signUpTitle', intro: 'signUpIntro', question: 'haveAccount', other: 'sign-in', otherLabel: 'signIn' },
} as const;

/** The sign-in or sign-up page: a short explanation, the form, and a link to the other one. */
export async function AuthPage({ mode, locale }: { mode: 'sign-in' | 'sign-up'; locale: string }) {
  const t = await getTranslations('Account');
  const text = texts[mode];
  return (
    <>
      <SiteHeader path={`/${mode}`} />
      <main id="main" className="index auth-page">
        <h1>{t(text.title)}</h1>
        <p>{t(text.intro)}</p>
        <AuthForm mode={mode} locale={locale} />
        <p>
          {t(text.question)} <OtherAuthLink href={`/${locale}/${text.other}`}>{t(text.otherLabel)}</OtherAuthLink>
        </p>
      </main>
    </>
  );
}

export async function authPageMetadata(mode: 'sign-in' | 'sign-up', locale: string) {
  const t = await getTranslations({ locale, namespace: 'Account' });
  return { title: t(texts[mode].title), robots: { index: false } };
}
