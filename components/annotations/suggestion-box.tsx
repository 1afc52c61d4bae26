'use client';

import { useTranslations } from 'next-intl';
import { use, useState } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { serverMessage } from '@/lib/annotations-ui/api';
import { decideSuggestion, supportSuggestion } from '@/lib/annotations-ui/api-threads';
import { htmlLang } from '@/lib/content/types';
import { EditorRoleContext } from './editor-role';

type Props = { annotation: ApiAnnotation; viewerId?: string; onChange?: (annotation: ApiAnnotation) => void };

/**
 * A translation suggestion on its note card: the suggested wording against the sentence as it reads
 * now (words struck through and underlined, each named for screen readers), where it stands, its
 * +1s, and for editors the decision.
 */
export function SuggestionBox({ annotation, viewerId, onChange }: Props) {
  const t = useTranslations('Annotations.suggestion');
  const editor = use(EditorRoleContext);
  const suggestion = annotation.suggestion!;
  /** Whether this reader +1'd it here; the shared lists do not say per reader, so it starts unknown. */
  const [supported, setSupported] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const open = suggestion.state === 'open';
  const shared = annotation.visibility === 'shared' && !annotation.hidden && !annotation.deleted;
  const canSupport = shared && open && !!viewerId && viewerId !== annotation.author.id && !!onChange;

  async function act(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      window.alert(serverMessage(error) ?? t('failed'));
    } finally {
      setBusy(false);
    }
  }
  const support = (value: boolean) =>
    act(async () => {
      const answer = await supportSuggestion(annotation.id, value);
      setSupported(answer.supported);
      onChange?.({ ...annotation, suggestion: { ...suggestion, support: answer.support } });
    });
  const decide = (state: 'accepted' | 'declined' | 'open') =>
    act(async () => onChange?.(await decideSuggestion(annotation.id, state, annotation.version)));

  return (
    <section className="note-suggestion" aria-label={t('heading', { lang: t(`langs.${suggestion.lang}`) })}>
      <p className="suggestion-heading">
        <span>{t('heading', { lang: t(`langs.${suggestion.lang}`) })}</span>
        <span className={`suggestion-state state-${suggestion.state}`}>{t(`states.${suggestion.state}`)}</span>
      </p>
      {suggestion.current === null ? (
        <>
          <p className="field-hint">{t('gone')}</p>
          <p className="suggestion-diff" lang={htmlLang[suggestion.lang]}>
            {suggestion.text}
          </p>
        </>
      ) : (
        <p className="suggestion-diff" lang={htmlLang[suggestion.lang]} title={t('diffLabel')}>
          {suggestion.diff.map((part, i) =>
            part.change === 'kept' ? (
              <span key={i}>{part.text}</span>
            ) : part.change === 'added' ? (
              <ins key={i}>
                <span className="visually-hidden">[{t('added')}: </span>
                {part.text}
                <span className="visually-hidden">]</span>
              </ins>
            ) : (
              <del key={i}>
                <span className="visually-hidden">[{t('removed')}: </span>
                {part.text}
                <span className="visually-hidden">]</span>
              </del>
            ),
          )}
        </p>
      )}
      <p className="suggestion-actions">
        <span className="suggestion-support">{t('supporters', { count: suggestion.support })}</span>
        {canSupport && (
          <button
            type="button"
            className="link-button"
            aria-pressed={supported === true}
            disabled={busy}
            onClick={() => support(!supported)}
          >
            {supported ? t('withdraw') : t('support')}
          </button>
        )}
        {/* Another editor decides on an editor's own suggestion. */}
        {editor && shared && onChange && viewerId !== annotation.author.id && (
          <span className="suggestion-decision">
            {open ? (
              <>
                <button type="button" className="button-primary" disabled={busy} onClick={() => decide('accepted')}>
                  {t('accept')}
                </button>
                <button type="button" className="link-button" disabled={busy} onClick={() => decide('declined')}>
                  {t('decline')}
                </button>
              </>
            ) : (
              <button type="button" className="link-button" disabled={busy} onClick={() => decide('open')}>
                {t('reopen')}
              </button>
            )}
          </span>
        )}
      </p>
    </section>
  );
}
