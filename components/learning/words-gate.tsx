'use client';

import { useTranslations } from 'next-intl';
import type { SessionUser } from '@/lib/account/auth-client';

/**
 * What My words and the review show before they have words to show: loading, a way to sign in and
 * come back to `path`, or why the words could not be loaded; null once there is nothing to say.
 */
export function WordsGate({
  user,
  loaded,
  failed,
  locale,
  path,
}: {
  user: SessionUser | null | undefined;
  loaded: boolean;
  failed: boolean;
  locale: string;
  path: string;
}) {
  const t = useTranslations('Words');
  if (user === null)
    return (
      <p className="words-message">
        <a href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}${path}`)}`}>{t('signIn')}</a>
      </p>
    );
  if (failed)
    return (
      <p className="words-message" role="alert">
        {t('failed')}
      </p>
    );
  if (user === undefined || !loaded) return <p className="words-message">{t('loading')}</p>;
  return null;
}
