'use client';

import { useTranslations } from 'next-intl';
import { signOut } from '@/lib/account/auth-client';
import { useSessionUser } from '@/lib/account/use-session-user';
import { useDueWords } from '@/lib/learning-ui/use-due-words';

/**
 * Who is signed in, in the site header. Pages are static, so the session is read in the browser;
 * the slot keeps its size while loading so nothing moves. Without JavaScript it offers to sign in
 * (`path`: the page without its locale, to come back to).
 */
export function AccountMenu({ locale, path }: { locale: string; path: string }) {
  const t = useTranslations('Account');
  const user = useSessionUser();
  const due = useDueWords(user);

  if (user === undefined)
    return (
      <span className="account-menu">
        <noscript>
          <a href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path === '/' ? '' : path}`)}`}>{t('signIn')}</a>
        </noscript>
      </span>
    );
  if (!user) {
    const next = typeof window === 'undefined' ? '' : `?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
    return (
      <span className="account-menu">
        <a href={`/${locale}/sign-in${next}`}>{t('signIn')}</a>
      </span>
    );
  }
  return (
    <span className="account-menu">
      {/* The name leads to the account page (API tokens), as on most sites: no extra link to wrap the header on a phone. */}
      <a className="account-name" href={`/${locale}/account`} title={`${t('signedInAs', { name: user.name })} · ${t('account')}`}>
        {user.name}
      </a>
      <a href={`/${locale}/my-notes`}>{t('myNotes')}</a>
      <a href={`/${locale}/words`}>{due ? t('myWordsDue', { count: due }) : t('myWords')}</a>
      {/* Only a hint: the moderation API checks the role in the database. */}
      {user.role === 'moderator' && <a href={`/${locale}/moderation`}>{t('moderation')}</a>}
      <button
        type="button"
        className="link-button"
        onClick={async () => {
          await signOut();
          window.location.reload();
        }}
      >
        {t('signOut')}
      </button>
    </span>
  );
}
