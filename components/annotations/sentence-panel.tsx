'use client';

import { useTranslations } from 'next-intl';
import type { ComponentProps } from 'react';
import type { Tally } from '@/lib/annotations/read-model';
import { SentenceTally } from './discussion-list';
import { NotePanel } from './note-panel';

type Props = Omit<ComponentProps<typeof NotePanel>, 'title' | 'orphans' | 'lead' | 'more' | 'children'> & {
  /** The sentence's counts and verdicts, from the article's summary. */
  tally: Tally | undefined;
  /** A page of the sentence's notes is on its way. */
  loading: boolean;
  /** More of its notes wait on the server. */
  hasMore: boolean;
  onMore: () => void;
};

/** One sentence's discussion: its tally, then its notes a page at a time. */
export function SentencePanel({ tally, loading, hasMore, onMore, ...panel }: Props) {
  const t = useTranslations('Annotations');
  return (
    <NotePanel
      title={t('sentenceNotes')}
      orphans={[]}
      lead={tally && <SentenceTally tally={tally} />}
      more={
        (loading || hasMore) && (
          <button type="button" className="link-button" disabled={loading} onClick={onMore}>
            {loading ? t('loading') : t('showMore')}
          </button>
        )
      }
      {...panel}
    />
  );
}
