'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { NoteCard } from '@/components/annotations/note-card';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { AnnotationApiError, patchAnnotation } from '@/lib/annotations-ui/api';
import type { ReviewItem } from '@/lib/review/filter';
import type { ArticleLang } from '@/lib/content/types';

type Props = {
  item: ReviewItem;
  locale: ArticleLang;
  viewerId: string;
  onChange: (note: ApiAnnotation) => void;
  onDelete: () => void;
};

/** One of the reader's notes: the card (with its thread and any moderator's notice), a private/shared switch and a link to the passage. */
export function MyNoteItem({ item: { note, aligned }, locale, viewerId, onChange, onDelete }: Props) {
  const t = useTranslations('MyNotes');
  const a = useTranslations('Annotations');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const target = note.visibility === 'private' ? 'shared' : 'private';

  async function switchVisibility() {
    setBusy(true);
    setDone('');
    setError('');
    try {
      onChange(await patchAnnotation(note.id, { visibility: target, version: note.version }));
      setDone(target === 'shared' ? t('nowShared') : t('nowPrivate'));
    } catch (failure) {
      // A stale version: the server attaches the current note; show it, so a second click works.
      if (failure instanceof AnnotationApiError && failure.current) onChange(failure.current);
      setError(failure instanceof AnnotationApiError && failure.status ? failure.message : t('offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <NoteCard annotation={note} viewerId={viewerId} onChange={onChange} onDelete={onDelete}>
        {aligned && (
          <blockquote className="note-quote note-aligned" lang={note.lang === 'zh' ? 'en' : 'zh-Hans'}>
            <span className="visually-hidden">{a('alignedQuote')}: </span>
            {aligned}
          </blockquote>
        )}
      </NoteCard>
      <div className="my-note-tools">
        <p className="my-note-actions">
          <button type="button" className="my-note-switch" onClick={switchVisibility} disabled={busy}>
            {target === 'shared' ? t('share') : t('makePrivate')}
          </button>
          <a href={`/${locale}/articles/${note.article}#annotation-${note.id}`}>{a('readInArticle')}</a>
        </p>
        <p className="my-note-status" role="status">
          {done}
        </p>
        {error && (
          <p className="my-note-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </>
  );
}
