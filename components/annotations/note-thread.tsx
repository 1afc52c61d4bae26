'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { claimVerdicts, type ClaimVerdict } from '@/lib/annotations/vocabulary';
import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import { serverMessage } from '@/lib/annotations-ui/api';
import { flagNote, patchReply, postReply, removeReply } from '@/lib/annotations-ui/api-threads';
import { FlagForm } from './flag-form';
import { ReplyForm } from './reply-form';
import { ReplyItem } from './reply-item';

type Props = {
  annotation: ApiAnnotation;
  viewerId?: string;
  signInHref?: string;
  /** The note with its thread changed, for the list that holds it. */
  onChange: (annotation: ApiAnnotation) => void;
};

/** How many replies gave each verdict on a claim. */
function tally(replies: ApiReply[]): [ClaimVerdict, number][] {
  const counts = new Map<ClaimVerdict, number>();
  for (const reply of replies) if (reply.verdict) counts.set(reply.verdict, (counts.get(reply.verdict) ?? 0) + 1);
  return claimVerdicts.filter((v) => counts.has(v)).map((v) => [v, counts.get(v)!]);
}

/** A shared note's replies, the verdict tally of a claim, a reply form and a flag button. */
export function NoteThread({ annotation, viewerId, signInHref, onChange }: Props) {
  const t = useTranslations('Annotations');
  const [flagging, setFlagging] = useState(false);
  /** The reply form opens on request: a list of cards is not a wall of empty boxes. */
  const [replying, setReplying] = useState(false);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const open = annotation.visibility === 'shared' && !annotation.deleted && !annotation.hidden;
  const replies = annotation.replies;
  const withReplies = (list: ApiReply[]) => onChange({ ...annotation, replies: list });

  /** One request at a time; what went wrong is said under the thread, and the form that asked stays open. */
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(undefined);
    try {
      await action();
    } catch (error) {
      setMessage(serverMessage(error) ?? t('offline'));
      throw error;
    } finally {
      setBusy(false);
    }
  }

  const send = (reply: { body: string; verdict?: ClaimVerdict }) =>
    run(async () => withReplies([...replies, await postReply(annotation.id, reply)]));
  const saveEdit = (reply: ApiReply, body: string) =>
    run(async () => {
      const saved = await patchReply(reply.id, { body, version: reply.version });
      withReplies(replies.map((r) => (r.id === saved.id ? saved : r)));
    });
  const remove = (reply: ApiReply) => {
    if (!window.confirm(t('confirmDeleteReply'))) return;
    run(async () => {
      await removeReply(reply.id);
      withReplies(replies.filter((r) => r.id !== reply.id));
    }).catch(() => undefined);
  };
  const flag = (reason: string) =>
    run(async () => {
      await flagNote(annotation.id, reason);
      setFlagging(false);
      setMessage(t('flagged'));
    });

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
            <ReplyItem key={reply.id} reply={reply} mine={reply.author.id === viewerId} busy={busy} onSave={saveEdit} onDelete={remove} />
          ))}
        </ol>
      )}
      {open && viewerId && replying && <ReplyForm kind={annotation.kind} busy={busy} onSend={send} onClose={() => setReplying(false)} />}
      {open && !viewerId && signInHref && (
        <p className="field-hint">
          <a href={signInHref}>{t('signInToReply')}</a>
        </p>
      )}
      {open && viewerId && (
        <div className="note-thread-actions">
          {!replying && (
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
        <FlagForm busy={busy} onFlag={flag} onCancel={() => setFlagging(false)} />
      )}
      {message && (
        <p className="field-hint" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
