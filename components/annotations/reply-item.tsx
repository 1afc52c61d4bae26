'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { ApiReply } from '@/lib/annotations/serialize';
import { useLocalizedValidation } from '@/lib/forms/localized-validation';

type Props = {
  reply: ApiReply;
  /** The reader wrote it: they may edit and delete it. */
  mine: boolean;
  busy: boolean;
  /** Saves an edit; resolves once saved (the form then closes), rejects when it failed (the form stays). */
  onSave: (reply: ApiReply, body: string) => Promise<void>;
  onDelete: (reply: ApiReply) => void;
};

/** One reply in a thread: who and when, its verdict, its text, and for its author an edit form. */
export function ReplyItem({ reply, mine, busy, onSave, onDelete }: Props) {
  const t = useTranslations('Annotations');
  const format = useFormatter();
  const validation = useLocalizedValidation();
  const [editing, setEditing] = useState<string>();

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (editing === undefined) return;
    onSave(reply, editing).then(
      () => setEditing(undefined),
      () => undefined,
    );
  };

  return (
    <li className="reply" id={`reply-${reply.id}`}>
      <p className="reply-meta">
        <strong>{mine ? t('you') : reply.author.name}</strong> ·{' '}
        <time dateTime={reply.createdAt} suppressHydrationWarning>
          {format.relativeTime(new Date(reply.createdAt), new Date())}
        </time>
        {reply.version > 1 && <> · {t('edited')}</>}
        {reply.verdict && <span className={`note-verdict verdict-${reply.verdict}`}>{t(`verdicts.${reply.verdict}`)}</span>}
      </p>
      {editing !== undefined ? (
        <form onSubmit={save} className="reply-form" {...validation}>
          <textarea aria-label={t('replyLabel')} value={editing} onChange={(e) => setEditing(e.target.value)} required />
          <span className="note-actions">
            <button type="submit" disabled={busy}>
              {t('save')}
            </button>
            <button type="button" className="link-button" onClick={() => setEditing(undefined)}>
              {t('cancel')}
            </button>
          </span>
        </form>
      ) : (
        <div className="note-body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
      )}
      {mine && editing === undefined && (
        <span className="note-actions">
          <button type="button" className="link-button" onClick={() => setEditing(reply.body)}>
            {t('edit')}
          </button>
          <button type="button" className="link-button" onClick={() => onDelete(reply)}>
            {t('delete')}
          </button>
        </span>
      )}
    </li>
  );
}
