'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { LoadFailed, SignInFirst } from '@/components/note-list/list-problem';
import { fetchModerationQueue } from '@/lib/annotations-ui/api';
import { useFetchedList } from '@/lib/annotations-ui/use-fetched-list';
import { ModerationItem } from './moderation-item';
import type { ArticleLang } from '@/lib/content/types';

type Status = 'open' | 'hidden';
type Props = {
  locale: ArticleLang;
  initialStatus: Status;
  /** Article titles in the interface language, by slug. */
  titles: Record<string, string>;
};

/** Notes with open flags, or the hidden ones; each leaves the list once a moderator has acted on it. */
export function ModerationQueue({ locale, initialStatus, titles }: Props) {
  const t = useTranslations('Moderation');
  const [status, setStatus] = useState(initialStatus);
  // The tabs show once the API has answered with a queue: this reader is a moderator.
  const [allowed, setAllowed] = useState(false);
  const queue = useCallback(async () => {
    const list = await fetchModerationQueue(status);
    setAllowed(true);
    return list;
  }, [status]);
  const { list: items, setList: setItems, problem, reload, clear } = useFetchedList(queue);
  const [notice, setNotice] = useState('');

  if (problem?.kind === 'signed-out') return <SignInFirst list="moderation" locale={locale} />;
  if (problem?.kind === 'forbidden') return <p className="moderation-message moderation-refused">{t('forbidden')}</p>;

  const show = (next: Status) => {
    if (next === status) return;
    setStatus(next);
    clear();
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
        <LoadFailed list="moderation" message={problem.message} onRetry={reload} />
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
