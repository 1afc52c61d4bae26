'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ApiAnnotation } from '@/lib/annotations/serialize';

type Props = {
  annotation: ApiAnnotation;
  mine: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
};

/** One note as readers see it; its body HTML was sanitised by the server when it was written. */
export function NoteCard({ annotation, mine, onEdit, onDelete }: Props) {
  const t = useTranslations('Annotations');
  const format = useFormatter();
  return (
    <article
      className={`note-card note-${annotation.kind}`}
      id={`note-${annotation.id}`}
      lang={annotation.lang === 'zh' ? 'zh-Hans' : 'en'}
    >
      <header className="note-card-header">
        <span className="note-kind">{t(`kinds.${annotation.kind}`)}</span>
        {annotation.verdict && <span className={`note-verdict verdict-${annotation.verdict}`}>{t(`verdicts.${annotation.verdict}`)}</span>}
        <span className="note-visibility">{annotation.visibility === 'private' ? t('private') : t('shared')}</span>
      </header>
      <blockquote className="note-quote">{annotation.target.selector[0].exact}</blockquote>
      {annotation.bodyHtml && <div className="note-body" dangerouslySetInnerHTML={{ __html: annotation.bodyHtml }} />}
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
          {mine ? t('you') : annotation.author.name} ·{' '}
          <time dateTime={annotation.updatedAt}>{format.relativeTime(new Date(annotation.updatedAt), new Date())}</time>
        </span>
        {mine && (
          <span className="note-actions">
            <button type="button" className="link-button" onClick={onEdit}>
              {t('edit')}
            </button>
            <button type="button" className="link-button" onClick={onDelete}>
              {t('delete')}
            </button>
          </span>
        )}
      </footer>
    </article>
  );
}
