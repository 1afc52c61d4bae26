'use client';

import { useTranslations } from 'next-intl';
import type { HighlightNames } from '@/lib/annotations/vocabulary';
import type { NoteDraft } from '@/lib/annotations-ui/draft-store';
import type { PaintChoice } from '@/lib/annotations-ui/paint-choice';
import { ColorNames } from './color-names';
import { DraftList } from './draft-list';
import { PaintControl } from './paint-control';

type Props = {
  paint: PaintChoice;
  onPaint: (choice: PaintChoice) => void;
  signedIn: boolean;
  colorNames: HighlightNames;
  onColorNames: (names: HighlightNames) => void;
  drafts: NoteDraft[];
  onContinueDraft: (draft: NoteDraft) => void;
  onDiscardDraft: (draft: NoteDraft) => void;
  /** Present when there are painted notes to print. */
  onPrint?: () => void;
  /** Other readers' notes that came while the list was open, waiting to be shown. */
  arrived: number;
  onShowArrived: () => void;
};

/** The top of the notes list: what is painted, the reader's colour names and drafts, printing, and new notes. */
export function NotesListLead({
  paint,
  onPaint,
  signedIn,
  colorNames,
  onColorNames,
  drafts,
  onContinueDraft,
  onDiscardDraft,
  onPrint,
  arrived,
  onShowArrived,
}: Props) {
  const t = useTranslations('Annotations');
  return (
    <>
      <PaintControl choice={paint} signedIn={signedIn} onChoose={onPaint} />
      {signedIn && <ColorNames names={colorNames} onSaved={onColorNames} />}
      {signedIn && <DraftList drafts={drafts} onContinue={onContinueDraft} onDiscard={onDiscardDraft} />}
      {onPrint && (
        <button type="button" className="link-button print-with-notes" onClick={onPrint}>
          {t('printWithNotes')}
        </button>
      )}
      {arrived > 0 && (
        <button type="button" className="new-notes-button" onClick={onShowArrived}>
          {t('newNotes', { count: arrived })}
        </button>
      )}
    </>
  );
}
