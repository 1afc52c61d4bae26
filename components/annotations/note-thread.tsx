'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { claimVerdicts, type ClaimVerdict } from '@/lib/annotations/vocabulary';
import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import { AnnotationApiError, flagNote, patchReply, postReply, removeReply } from '@/lib/annotations-ui/api';
import { useLocalizedValidation } from '@/lib/forms/localized-validation';

type Props = {
  annotation: ApiAnnotation;
  viewerId?: string;
  signInHref?: string;
  /** The note with its thread changed, for the list that holds it. */
  onChange: (annotation: ApiAnnotation) => void;
};

const failure = (error: unknown, offline: string) => (error instanceof AnnotationApiError && error.status ? error.message : offline);

/** How many replies gave each verdict on a claim. */
function tally(replies: ApiReply[]): [ClaimVerdict, number][] {
  const counts = new Map<ClaimVerdict, number>();
  for (const reply of replies) if (reply.verdict) counts.set(reply.verdict, (counts.get(reply.verdict) ?? 0) + 1);
  return claimVerdicts.filter((v) => counts.has(v)).map((v) => [v, counts.get(v)!]);
}

/** A shared note's replies, the verdict tally of a claim, a reply form and a flag button. */
export function NoteThread({ annotation, viewerId, signInHref, onChange }: Props) {
  const t = useTranslations('Annotations');
  const validation = useLocalizedValidation();
  const format = useFormatter();
  const [body, setBody] = useState('');
  const [verdict, setVerdict] = useState<ClaimVerdict | ''>('');
  const [editing, setEditing] = useState<{ id: string; body: string }>();
  const [flagging, setFlagging] = useState(false);
  /** The reply form opens on request: a list of cards is not a wall of empty boxes. */
  const [replying, setReplying] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const open = annotation.visibility === 'shared' && !annotation.deleted && !annotation.hidden;
  const replies = annotation.replies;
  const withReplies = (list: ApiReply[]) => onChange({ ...annotation, replies: list });

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(undefined);
    try {
      await action();
    } catch (error) {
      setMessage(failure(error, t('offline')));
    } finally {
      setBusy(false);
    }
  }

  const send = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const reply = await postReply(annotation.id, { body, ...(verdict ? { verdict } : {}) });
      withReplies([...replies, reply]);
      setBody('');
      setVerdict('');
      setReplying(false);
    });
  };
  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const current = replies.find((r) => r.id === editing.id);
    void run(async () => {
      const reply = await patchReply(editing.id, { body: editing.body, version: current?.version });
      withReplies(replies.map((r) => (r.id === reply.id ? reply : r)));
      setEditing(undefined);
    });
  };
  const remove = (reply: ApiReply) => {
    if (!window.confirm(t('confirmDeleteReply'))) return;
    void run(async () => {
      await removeReply(reply.id);
      withReplies(replies.filter((r) => r.id !== reply.id));
    });
  };
  const flag = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await flagNote(annotation.id, reason);
      setFlagging(false);
      setReason('');
      setMessage(t('flagged'));
    });
  };

  if (annotation.visibility !== 'shared') return null;
  const counts = annotation.kind === 'claim' ? tally(replies) : [];
  return (
    <section className="note-thread" aria-label={t('replies', { count: replies.length })}>
      {counts.length > 0 && (
        <p className="note-tally">
          {t('tally')}:{' '}
          {counts.map(([v, n]) => (
            <span key={v} className={`note-verdict verdict-${v}`}>
              {t(`verdicts.${v}`)} {n}
            </span>
          ))}
        </p>
      )}
      {replies.length > 0 && (
        <ol className="reply-list">
          {replies.map((reply) => (
            <li key={reply.id} className="reply" id={`reply-${reply.id}`}>
              <p className="reply-meta">
                <strong>{reply.author.id === viewerId ? t('you') : reply.author.name}</strong> ·{' '}
                <time dateTime={reply.createdAt} suppressHydrationWarning>
                  {format.relativeTime(new Date(reply.createdAt), new Date())}
                </time>
                {reply.version > 1 && <> · {t('edited')}</>}
                {reply.verdict && <span className={`note-verdict verdict-${reply.verdict}`}>{t(`verdicts.${reply.verdict}`)}</span>}
              </p>
              {editing?.id === reply.id ? (
                <form onSubmit={saveEdit} className="reply-form" {...validation}>
                  <textarea
                    aria-label={t('replyLabel')}
                    value={editing.body}
                    onChange={(e) => setEditing({ id: reply.id, body: e.target.value })}
                    required
                  />
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
              {reply.author.id === viewerId && editing?.id !== reply.id && (
                <span className="note-actions">
                  <button type="button" className="link-button" onClick={() => setEditing({ id: reply.id, body: reply.body })}>
                    {t('edit')}
                  </button>
                  <button type="button" className="link-button" onClick={() => remove(reply)}>
                    {t('delete')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {open && viewerId && (replying || body) && (
        <form className="reply-form" onSubmit={send} {...validation}>
          <label>
            <span className="visually-hidden">{t('replyLabel')}</span>
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              placeholder={t('replyLabel')}
              required
              maxLength={10_000}
              autoFocus
            />
          </label>
          <span className="reply-form-actions">
            {annotation.kind === 'claim' && (
              <label>
                {t('replyVerdict')}{' '}
                <select value={verdict} onChange={(e) => setVerdict(e.target.value as ClaimVerdict | '')}>
                  <option value="">{t('noVerdict')}</option>
                  {claimVerdicts.map((v) => (
                    <option key={v} value={v}>
                      {t(`verdicts.${v}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="submit" disabled={busy || !body.trim()}>
              {t('sendReply')}
            </button>
            {/* What was typed stays: the form closes, the words do not go. */}
            {!body && (
              <button type="button" className="link-button" onClick={() => setReplying(false)}>
                {t('cancel')}
              </button>
            )}
          </span>
        </form>
      )}
      {open && !viewerId && signInHref && (
        <p className="field-hint">
          <a href={signInHref}>{t('signInToReply')}</a>
        </p>
      )}
      {open && viewerId && (
        <div className="note-thread-actions">
          {!replying && !body && (
            <button type="button" className="reply-button" onClick={() => setReplying(true)}>
              {t('reply')}
            </button>
          )}
          {annotation.author.id !== viewerId && !flagging && (
            <button type="button" className="link-button flag-button" onClick={() => setFlagging(true)}>
              {t('flag')}
            </button>
          )}
        </div>
      )}
      {open && viewerId && annotation.author.id !== viewerId && flagging && (
        <div className="note-flag">
          {flagging && (
            <form onSubmit={flag} className="reply-form flag-form" {...validation}>
              <label>
                {t('flagReason')}
                <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />
              </label>
              <span className="note-actions">
                <button type="submit" disabled={busy}>
                  {t('flag')}
                </button>
                <button type="button" className="link-button" onClick={() => setFlagging(false)}>
                  {t('cancel')}
                </button>
              </span>
            </form>
          )}
        </div>
      )}
      {message && (
        <p className="field-hint" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
