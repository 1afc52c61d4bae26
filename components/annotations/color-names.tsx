'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { highlightColors, maxHighlightNameLength, type HighlightNames } from '@/lib/annotations/vocabulary';
import { serverMessage, saveHighlightNames } from '@/lib/annotations-ui/api';

type Props = { names: HighlightNames; onSaved: (names: HighlightNames) => void };

/** The reader names the four colours (kept with their account, so every device shows the same names). */
export function ColorNames({ names, onSaved }: Props) {
  const t = useTranslations('Annotations');
  const [typed, setTyped] = useState<HighlightNames>(names);
  const [status, setStatus] = useState<{ saving: boolean; message?: string; failed?: boolean }>({ saving: false });
  return (
    <details className="color-names" onToggle={(event) => event.currentTarget.open && setTyped(names)}>
      <summary>{t('colorNames')}</summary>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setStatus({ saving: true });
          try {
            const saved = await saveHighlightNames(Object.fromEntries(highlightColors.map((c) => [c, typed[c]?.trim() || null])));
            onSaved(saved);
            setTyped(saved);
            setStatus({ saving: false, message: t('colorNamesSaved') });
          } catch (error) {
            const message = serverMessage(error) ?? t('offline');
            setStatus({ saving: false, failed: true, message: t('colorNamesFailed', { message }) });
          }
        }}
      >
        <p className="field-hint">{t('colorNamesHint')}</p>
        {highlightColors.map((color) => (
          <label key={color} className="color-name-field">
            <span className={`color-dot color-${color}`} aria-hidden="true" />
            <span className="color-word">{t(`colors.${color}`)}</span>
            <input
              aria-label={t('colorNameLabel', { color: t(`colors.${color}`) })}
              value={typed[color] ?? ''}
              placeholder={t(`colors.${color}`)}
              maxLength={maxHighlightNameLength}
              onChange={(event) => setTyped({ ...typed, [color]: event.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="button-primary" disabled={status.saving}>
          {t('saveColorNames')}
        </button>
        {status.message && (
          <p className={status.failed ? 'form-error' : 'note-notice'} role={status.failed ? 'alert' : 'status'}>
            {status.message}
          </p>
        )}
      </form>
    </details>
  );
}
