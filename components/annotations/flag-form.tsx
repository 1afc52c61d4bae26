'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useLocalizedValidation } from '@/lib/forms/localized-validation';

type Props = {
  busy: boolean;
  /** Sends the flag; resolves once sent (the form then closes), rejects when it failed. */
  onFlag: (reason: string) => Promise<void>;
  onCancel: () => void;
};

/** Why a shared note should be looked at by a moderator. */
export function FlagForm({ busy, onFlag, onCancel }: Props) {
  const t = useTranslations('Annotations');
  const validation = useLocalizedValidation();
  const [reason, setReason] = useState('');
  const flag = (event: FormEvent) => {
    event.preventDefault();
    onFlag(reason).catch(() => undefined);
  };
  return (
    <div className="note-flag">
      <form onSubmit={flag} className="reply-form flag-form" {...validation}>
        <label>
          {t('flagReason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />
        </label>
        <span className="note-actions">
          <button type="submit" disabled={busy}>
            {t('flag')}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </span>
      </form>
    </div>
  );
}
