'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { QueueItem } from '@/lib/annotations/moderation';
import { AnnotationApiError, fetchModerationQueue } from '@/lib/annotations-ui/api';
import { ModerationItem } from './moderation-item';
import type { ArticleLang } from '@/lib/content/types';

type Status = 'open' | 'hidden';
type Props = {
  locale: ArticleLang;
  initialStatus: Status;
  /** Article titles in the interface language, by slug. */
  titles: Record<string, string>;
};
type Problem = { kind: 'signed-out' } | { kind: 'forbidden' } | { kind: 'failed'; message?: string };

function problemOf(error: unknown): Problem {
  if (error instanceof AnnotationApiError && error.status === 401) return { kind: 'signed-out' };
  if (error instanceof AnnotationApiError && error.status === 403) return { kind: 'forbidden' };
  return { kind: 'failed', message: error instanceof AnnotationApiError && error.status ? error.message : undefined };
}

/** Notes with open flags, or the hidden ones; each leaves the list once a moderator has acted on it. */
export function ModerationQueue({ locale, initialStatus, titles }: Props) {
  const t = useTranslations('Moderation');
  const [status, setStatus] = useState(initialStatus);
  const [attempt, setAttempt] = useState(0);
  const [items, setItems] = useState<QueueItem[]>();
  const [problem, setProblem] = useState<Problem>();
  const [allowed, setAllowed] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    let current = true;
    fetchModerationQueue(status).then(
      (list) => {
        if (!current) return;
        setItems(list);
        setAllowed(true);
      },
      (error: unknown) => current && setProblem(problemOf(error)),
    );
    return () => {
      current = false;
    };
  }, [status, attempt]);

  if (problem?.kind === 'signed-out') {
    const next = encodeURIComponent(`/${locale}/moderation`);
    return (
      <p className="moderation-message">
        {t.rich('signedOut', { link: (text) => <a href={`/${locale}/sign-in?next=${next}`}>{text}</a> })}
      </p>
    );
  }
  if (problem?.kind === 'forbidden') return <p className="moderation-message moderation-refused">{t('forbidden')}</p>;

  const show = (next: Status) => {
    if (next === status) return;
    setStatus(next);
    setItems(undefined);
    setProblem(undefined);
    setNotice('');
    window.history.replaceState(null, '', `${window.location.pathname}${next === 'hidden' ? '?status=hidden' : ''}`);
  };
  const done = (id: string, message: string) => {
    setItems((list) => list?.filter((item) => item.annotation.id !== id));
    setNotice(message);
  };

  return (
    <div className="moderation-queue">
      {allowed && (
        <div className="moderation-tabs" role="group" aria-label={t('show')}>
          {(['open', 'hidden'] as const).map((which) => (
            <button key={which} type="button" aria-pressed={status === which} onClick={() => show(which)}>
              {which === 'open' ? t('openTab') : t('hiddenTab')}
            </button>
          ))}
        </div>
      )}
      <p className="moderation-notice" role="status">
        {notice}
      </p>
      {problem ? (
        <div className="moderation-message" role="alert">
          <p>{t('failed', { message: problem.kind === 'failed' && problem.message ? problem.message : t('offline') })}</p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setProblem(undefined);
              setAttempt(attempt + 1);
            }}
          >
            {t('retry')}
          </button>
        </div>
      ) : !items ? (
        <p className="moderation-message">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p className="moderation-message">{status === 'open' ? t('emptyOpen') : t('emptyHidden')}</p>
      ) : (
        <>
          <p className="moderation-summary">
            {status === 'open' ? t('countOpen', { count: items.length }) : t('countHidden', { count: items.length })}
          </p>
          <ol className="moderation-list">
            {items.map((item) => (
              <li key={item.annotation.id} className="moderation-item">
                <ModerationItem
                  item={item}
                  locale={locale}
                  articleTitle={titles[item.annotation.article] ?? item.annotation.article}
                  onDone={(message) => done(item.annotation.id, message)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
