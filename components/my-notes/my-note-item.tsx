'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { NoteCard } from '@/components/annotations/note-card';
import { ReadInArticle } from '@/components/note-list/read-in-article';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { AnnotationApiError, patchAnnotation } from '@/lib/annotations-ui/api';
import { useItemRequest } from '@/lib/annotations-ui/use-item-request';
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
  const [done, setDone] = useState('');
  const { busy, error, run } = useItemRequest(t('offline'));
  const target = note.visibility === 'private' ? 'shared' : 'private';

  function switchVisibility() {
    setDone('');
    return run(
      async () => {
        onChange(await patchAnnotation(note.id, { visibility: target, version: note.version }));
        setDone(target === 'shared' ? t('nowShared') : t('nowPrivate'));
      },
      (failure) => {
        // A stale version: the server attaches the current note; show it, so a second click works.
        if (failure instanceof AnnotationApiError && failure.current) onChange(failure.current);
      },
    );
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
          <ReadInArticle locale={locale} note={note} />
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
