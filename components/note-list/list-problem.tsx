'use client';

import { useTranslations } from 'next-intl';
import { noteLists, type NoteListName } from './note-lists';

/** Nobody is signed in: a link to sign in that comes back to the list. */
export function SignInFirst({ list, locale }: { list: NoteListName; locale: string }) {
  const { namespace, path, message } = noteLists[list];
  const t = useTranslations(namespace);
  const next = encodeURIComponent(`/${locale}${path}`);
  return <p className={message}>{t.rich('signedOut', { link: (text) => <a href={`/${locale}/sign-in?next=${next}`}>{text}</a> })}</p>;
}

type FailedProps = {
  list: NoteListName;
  /** The server's words; without them, the connection is down. */
  message?: string;
  onRetry: () => void;
};

/** The list could not be loaded: why, and a way to try again. */
export function LoadFailed({ list, message, onRetry }: FailedProps) {
  const { namespace, message: className } = noteLists[list];
  const t = useTranslations(namespace);
  return (
    <div className={className} role="alert">
      <p>{t('failed', { message: message ?? t('offline') })}</p>
      <button type="button" className="link-button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
