'use client';

import { useTranslations } from 'next-intl';
import type { NoteDraft } from '@/lib/annotations-ui/draft-store';

type Props = {
  drafts: NoteDraft[];
  onContinue: (draft: NoteDraft) => void;
  onDiscard: (draft: NoteDraft) => void;
};

/** The reader's unsent notes on this article, like a mail client's drafts: each can be reopened or discarded. */
export function DraftList({ drafts, onContinue, onDiscard }: Props) {
  const t = useTranslations('Annotations');
  if (drafts.length === 0) return null;
  return (
    <section className="note-drafts" aria-labelledby="note-drafts-title">
      <h3 id="note-drafts-title">{t('drafts')}</h3>
      <ol className="note-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="note-draft">
            {draft.target ? (
              <blockquote className="note-quote" lang={draft.target.lang === 'zh' ? 'zh-Hans' : 'en'}>
                {draft.target.quote}
              </blockquote>
            ) : (
              <p className="field-hint">{t('draftOfEdit')}</p>
            )}
            <p className="note-draft-text">{draft.body.trim() || draft.tags.trim() || t('draftEmpty')}</p>
            <p className="note-actions">
              <button type="button" className="link-button" onClick={() => onContinue(draft)}>
                {t('continueDraft')}
              </button>
              <button type="button" className="link-button" onClick={() => onDiscard(draft)}>
                {t('discardDraft')}
              </button>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
