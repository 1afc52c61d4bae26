'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { NoteCard } from './note-card';

type Props = {
  title: string;
  annotations: ApiAnnotation[];
  orphans: ApiAnnotation[];
  viewerId?: string;
  signInHref?: string;
  onClose: () => void;
  onEdit: (annotation: ApiAnnotation) => void;
  onDelete: (annotation: ApiAnnotation) => void;
  onChange?: (annotation: ApiAnnotation) => void;
  /** Takes the reader to a note's passage in the article. */
  onLocate?: (annotation: ApiAnnotation) => void;
  /** Notes whose passage is on the screen now (marked in the list). */
  onScreen?: ReadonlySet<string>;
  /** Above the notes (a sentence's counts). */
  lead?: ReactNode;
  /** A heading over the notes, when the panel shows more than one kind of thing. */
  listTitle?: string;
  /** Below the notes (a "show more" button, the discussion by sentence). */
  more?: ReactNode;
  children?: ReactNode;
};

/** Notes beside the text on wide screens, a bottom sheet on narrow ones. Escape closes it. */
export function NotePanel({
  title,
  annotations,
  orphans,
  viewerId,
  signInHref,
  onClose,
  onEdit,
  onDelete,
  onChange,
  onLocate,
  onScreen,
  lead,
  listTitle,
  more,
  children,
}: Props) {
  const t = useTranslations('Annotations');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);

  const card = (annotation: ApiAnnotation) => (
    <li key={annotation.id} className={onScreen?.has(annotation.id) ? 'on-screen' : undefined}>
      <NoteCard
        annotation={annotation}
        viewerId={viewerId}
        signInHref={signInHref}
        onEdit={() => onEdit(annotation)}
        onDelete={() => onDelete(annotation)}
        onChange={onChange}
        onLocate={onLocate && (() => onLocate(annotation))}
      />
    </li>
  );

  return (
    <aside
      className="note-panel"
      aria-labelledby="note-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="note-panel-header">
        <h2 id="note-panel-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      {children}
      {lead}
      {!children && listTitle && <h3>{listTitle}</h3>}
      {!children && annotations.length === 0 && orphans.length === 0 && <p>{t('noNotes')}</p>}
      {!children && <ol className="note-list">{annotations.map(card)}</ol>}
      {!children && orphans.length > 0 && (
        <section className="note-orphans">
          <h3>{t('orphans')}</h3>
          <p className="field-hint">{t('orphansHint')}</p>
          <ol className="note-list">{orphans.map(card)}</ol>
        </section>
      )}
      {!children && more}
      {!viewerId && signInHref && (
        <p className="note-invite">
          <a href={signInHref}>{t('signInToWrite')}</a>
        </p>
      )}
    </aside>
  );
}
