'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { NoteCard } from '@/components/annotations/note-card';
import { ReadInArticle } from '@/components/note-list/read-in-article';
import type { QueueItem } from '@/lib/annotations/moderation';
import { moderateNote } from '@/lib/annotations-ui/api';
import { useItemRequest } from '@/lib/annotations-ui/use-item-request';
import type { ArticleLang } from '@/lib/content/types';

type Props = {
  item: QueueItem;
  locale: ArticleLang;
  articleTitle: string;
  /** The moderator acted; the message says what happened. */
  onDone: (message: string) => void;
};

/** A note in the queue with its flags, and what a moderator can do: hide it (with a reason for its author), dismiss the flags, or restore it. */
export function ModerationItem({ item: { annotation, flags }, locale, articleTitle, onDone }: Props) {
  const t = useTranslations('Moderation');
  const format = useFormatter();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useItemRequest(t('offline'));

  const act = (action: 'hide' | 'restore', message: string) =>
    run(async () => {
      await moderateNote(annotation.id, action, action === 'hide' ? reason.trim() || undefined : undefined);
      onDone(message);
    });
  const hide = (event: FormEvent) => {
    event.preventDefault();
    void act('hide', t('wasHidden'));
  };

  return (
    <>
      <NoteCard annotation={annotation}>
        <p className="moderation-where" lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
          <span>{t('inArticle', { title: articleTitle })}</span> <ReadInArticle locale={locale} note={annotation} />
        </p>
      </NoteCard>
      <div className="moderation-flags">
        <p className="moderation-flags-title">{t('flags', { count: flags.length })}</p>
        {flags.length > 0 && (
          <ul>
            {flags.map((flag) => (
              <li key={flag.id}>
                <q>{flag.reason}</q>{' '}
                <span className="moderation-flag-meta">
                  {t('flaggedBy', { name: flag.reporter.name })} ·{' '}
                  <time
                    dateTime={flag.createdAt}
                    title={format.dateTime(new Date(flag.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
                  >
                    {format.relativeTime(new Date(flag.createdAt), new Date())}
                  </time>
                  {flag.resolvedAt && <> · {t('resolved')}</>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {annotation.hidden ? (
        <p className="moderation-actions">
          <button type="button" className="moderation-button" onClick={() => act('restore', t('wasRestored'))} disabled={busy}>
            {t('restore')}
          </button>
        </p>
      ) : (
        <form className="moderation-actions" onSubmit={hide}>
          <label className="moderation-reason">
            {t('hideReason')}
            <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
          </label>
          <span className="moderation-buttons">
            <button type="submit" className="moderation-button moderation-hide" disabled={busy}>
              {t('hide')}
            </button>
            <button type="button" className="link-button" onClick={() => act('restore', t('wasDismissed'))} disabled={busy}>
              {t('dismiss')}
            </button>
          </span>
        </form>
      )}
      {error && (
        <p className="moderation-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
