'use client';

import { useTranslations } from 'next-intl';
import { useState, type ComponentProps } from 'react';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import type { Anchored } from '@/lib/annotations-ui/page-anchoring';
import { useListFollowing } from '@/lib/annotations-ui/use-list-following';
import { DiscussionList } from './discussion-list';
import { NotePanel } from './note-panel';
import { NotesListLead } from './notes-list-lead';

type Props = Pick<
  ComponentProps<typeof NotePanel>,
  'viewerId' | 'signInHref' | 'onClose' | 'onEdit' | 'onDelete' | 'onChange' | 'onLocate'
> & {
  anchored: Anchored[];
  /** Everyone's notes while they are few enough to list; else only the reader's own are listed. */
  everyone: ApiAnnotation[] | null | undefined;
  own: ApiAnnotation[];
  /** Notes that came by a live event since the page loaded. */
  liveArrivals: ReadonlySet<string>;
  summary: ArticleSummary | undefined;
  onOpenSentence: (sentenceId: string) => void;
  lead: Omit<ComponentProps<typeof NotesListLead>, 'arrived' | 'onShowArrived'>;
};

/**
 * The notes list: everyone's notes while they are few, else the reader's own and the discussion by
 * sentence; in the order of the page as the reader scrolls (use-list-following.ts), with other
 * readers' notes that arrive while it is open held behind "Show N new notes", so that the list does
 * not move under the reader.
 */
export function NotesListPanel({ anchored, everyone, own, liveArrivals, summary, onOpenSentence, lead, viewerId, ...panel }: Props) {
  const t = useTranslations('Annotations');
  const following = useListFollowing(anchored);
  const listed = new Set((everyone ? [...everyone, ...own] : own).map((a) => a.id));
  const placedInPage = anchored.filter((a) => a.ranges.length > 0 && listed.has(a.annotation.id)).map((a) => a.annotation);
  /** The notes the list held when it opened (see `arrived` below). */
  const [listedWhenOpened, setListedWhenOpened] = useState<ReadonlySet<string>>(() => new Set(placedInPage.map((a) => a.id)));
  const rank = new Map(following?.order.map((id, i) => [id, i]));
  const ordered = following ? [...placedInPage].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity)) : placedInPage;
  // Only notes that came by a live event: notes still loading when the list opened are not "new".
  const arrived = ordered.filter((a) => liveArrivals.has(a.id) && !listedWhenOpened.has(a.id) && a.author.id !== viewerId);
  const placed = arrived.length ? ordered.filter((a) => !arrived.includes(a)) : ordered;
  const orphans = anchored.filter((a) => a.ranges.length === 0 && listed.has(a.annotation.id)).map((a) => a.annotation);

  return (
    <NotePanel
      title={t('allNotes')}
      annotations={placed}
      onScreen={following?.onScreen}
      orphans={orphans}
      listTitle={viewerId && !everyone ? t('yourNotes') : undefined}
      lead={
        <NotesListLead
          {...lead}
          arrived={arrived.length}
          onShowArrived={() => setListedWhenOpened(new Set([...listedWhenOpened, ...arrived.map((a) => a.id)]))}
        />
      }
      more={!everyone && <DiscussionList summary={summary} onOpen={onOpenSentence} />}
      viewerId={viewerId}
      {...panel}
    />
  );
}
