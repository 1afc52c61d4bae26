'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { claimVerdicts, type AnnotationKind, type ClaimVerdict } from '@/lib/annotations/vocabulary';
import { useLocalizedValidation } from '@/lib/forms/localized-validation';

type Props = {
  /** A claim's replies may give a verdict. */
  kind: AnnotationKind;
  busy: boolean;
  /** Sends the reply; resolves once sent (the form then empties and closes), rejects when it failed. */
  onSend: (reply: { body: string; verdict?: ClaimVerdict }) => Promise<void>;
  onClose: () => void;
};

/** A new reply under a shared note. What was typed stays: the form closes only when empty or sent. */
export function ReplyForm({ kind, busy, onSend, onClose }: Props) {
  const t = useTranslations('Annotations');
  const validation = useLocalizedValidation();
  const [body, setBody] = useState('');
  const [verdict, setVerdict] = useState<ClaimVerdict | ''>('');

  const send = (event: FormEvent) => {
    event.preventDefault();
    onSend({ body, ...(verdict ? { verdict } : {}) }).then(
      () => {
        setBody('');
        setVerdict('');
        onClose();
      },
      () => undefined,
    );
  };

  return (
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
        {kind === 'claim' && (
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
        {!body && (
          <button type="button" className="link-button" onClick={onClose}>
            {t('cancel')}
          </button>
        )}
      </span>
    </form>
  );
}
