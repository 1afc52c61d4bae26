'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { serverMessage, patchAnnotation } from '@/lib/annotations-ui/api';
import { ColorLabel } from './highlight-names';
import { NoteThread } from './note-thread';
import { QuoteCorrections } from './source-corrections';
import { SuggestionBox } from './suggestion-box';

type Props = {
  annotation: ApiAnnotation;
  viewerId?: string;
  signInHref?: string;
  onEdit?: () => void;
  onDelete?: () => void;
  /** The note (or its thread) changed here; the holder of the list replaces it. */
  onChange?: (annotation: ApiAnnotation) => void;
  /** Shown under the quote, e.g. the aligned text in the other language on the review page. */
  children?: ReactNode;
  /** Beside the article: the quote (and a click anywhere else on the card) takes the reader to the passage. */
  onLocate?: () => void;
};

/** Clicks on these belong to the control, not to the card around it. */
const controls = 'a, button, input, textarea, select, label, summary, details, form';

/** One note as readers see it, with its thread; bodies were sanitised by the server when written. */
export function NoteCard({ annotation, viewerId, signInHref, onEdit, onDelete, onChange, children, onLocate }: Props) {
  const t = useTranslations('Annotations');
  const format = useFormatter();
  const mine = !!viewerId && annotation.author.id === viewerId;
  const toggleResolved = async () => {
    try {
      onChange?.(await patchAnnotation(annotation.id, { resolved: !annotation.resolved, version: annotation.version }));
    } catch (error) {
      window.alert(serverMessage(error) ?? t('offline'));
    }
  };
  return (
    <article
      className={`note-card note-${annotation.kind}${annotation.deleted ? ' note-deleted' : ''}${onLocate ? ' locatable' : ''}`}
      id={`note-${annotation.id}`}
      onClick={(event) => {
        const target = event.target as Element;
        // Selecting a note's text to copy it is not a click on the card.
        if (onLocate && !target.closest(controls) && document.getSelection()?.isCollapsed !== false) onLocate();
      }}
    >
      <header className="note-card-header">
        <span className="note-kind">{t(`kinds.${annotation.kind}`)}</span>
        {/* The colour is the author's own way of sorting, under their own name for it: shown to them alone. */}
        {mine && <ColorLabel color={annotation.color} className="note-color" />}
        {annotation.verdict && <span className={`note-verdict verdict-${annotation.verdict}`}>{t(`verdicts.${annotation.verdict}`)}</span>}
        {annotation.kind === 'question' && annotation.resolved && <span className="note-resolved">{t('resolved')}</span>}
        <span className="note-visibility">{annotation.visibility === 'private' ? t('private') : t('shared')}</span>
      </header>
      {/* The quote is in the article's language; labels stay in the interface's, notes in their author's. */}
      <blockquote className="note-quote" lang={annotation.lang === 'zh' ? 'zh-Hans' : 'en'}>
        {onLocate ? (
          <button type="button" className="note-locate" title={t('showPassage')} onClick={onLocate}>
            {annotation.target.selector[0].exact}
          </button>
        ) : (
          annotation.target.selector[0].exact
        )}
      </blockquote>
      <QuoteCorrections annotation={annotation} />
      {annotation.orphaned && (
        <p className="note-orphaned" role="note">
          {t('orphanedNotice')}
        </p>
      )}
      {children}
      {annotation.suggestion && !annotation.deleted && <SuggestionBox annotation={annotation} viewerId={viewerId} onChange={onChange} />}
      {annotation.hidden && (
        <p className="note-hidden" role="note">
          {t('hiddenNotice')} {annotation.hidden.reason && t('hiddenReason', { reason: annotation.hidden.reason })}
        </p>
      )}
      {annotation.deleted ? (
        <p className="note-body field-hint">{t('deletedNote')}</p>
      ) : (
        annotation.bodyHtml && <div className="note-body" dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }} />
      )}
      {annotation.sourceUrl && (
        <p className="note-source">
          <a href={annotation.sourceUrl} rel="noopener nofollow ugc" target="_blank">
            {annotation.sourceUrl}
          </a>
        </p>
      )}
      {annotation.tags.length > 0 && (
        <ul className="note-tags">
          {annotation.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <footer className="note-card-footer">
        <span>
          {annotation.deleted ? '' : `${mine ? t('you') : annotation.author.name} · `}
          {/* When it was written; sharing it or a moderator's decision does not make it "just now". */}
          <time dateTime={annotation.createdAt} suppressHydrationWarning>
            {format.relativeTime(new Date(annotation.createdAt), new Date())}
          </time>
          {annotation.editedAt && (
            <>
              {' · '}
              <time
                className="note-edited"
                dateTime={annotation.editedAt}
                title={format.dateTime(new Date(annotation.editedAt), { dateStyle: 'medium', timeStyle: 'short' })}
                suppressHydrationWarning
              >
                {t('edited')}
              </time>
            </>
          )}
        </span>
        {mine && !annotation.deleted && (
          <span className="note-actions">
            {annotation.kind === 'question' && onChange && (
              <button type="button" className="link-button" onClick={toggleResolved}>
                {annotation.resolved ? t('markOpen') : t('markResolved')}
              </button>
            )}
            {onEdit && (
              <button type="button" className="link-button" onClick={onEdit}>
                {t('edit')}
              </button>
            )}
            {onDelete && (
              <button type="button" className="link-button" onClick={onDelete}>
                {t('delete')}
              </button>
            )}
          </span>
        )}
      </footer>
      {onChange && <NoteThread annotation={annotation} viewerId={viewerId} signInHref={signInHref} onChange={onChange} />}
    </article>
  );
}
