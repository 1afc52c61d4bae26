'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { AnnotationApiError, patchAnnotation, postAnnotation } from './api';
import { loadDrafts, removeDraft, saveDraft, type NoteDraft } from './draft-store';
import { anchorOf, draftFor, noteFields, worthKeeping } from './note-draft';
import type { Panel } from './panel';
import { useFleeting } from './use-fleeting';

export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'failed'; message: string };

type Options = {
  /** The reader's own notes: what an edit's draft is compared with. */
  own: ApiAnnotation[];
  /** A saved note (or the current one, after a conflict), to show at once. */
  upsert: (note: ApiAnnotation) => void;
  setPanel: (panel: Panel) => void;
};

/**
 * The note the editor holds and the article's other drafts (draft-store.ts keeps them in
 * localStorage): starting, editing, putting away, reopening, discarding and saving. A draft with
 * writing in it is never dropped without the reader's Discard: closing the editor or starting
 * another note keeps it among the drafts, with a notice that says so.
 */
export function useNoteDrafts(slug: string, { own, upsert, setPanel }: Options) {
  const t = useTranslations('Annotations');
  const [draft, setDraft] = useState<NoteDraft>();
  /** Every draft kept on this device for the article, the open one included. */
  const [drafts, setDrafts] = useState<NoteDraft[]>([]);
  const [restored, setRestored] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [notice, setNotice] = useFleeting<string>(6000);
  const reload = useCallback(() => setDrafts(loadDrafts(slug)), [slug]);
  // Drafts exist only in this browser: read after hydration.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is not there to render from on the server
  useEffect(reload, [reload]);

  const update = useCallback(
    (next: NoteDraft) => {
      setDraft(next);
      saveDraft(slug, next, true);
    },
    [slug],
  );

  /** Takes the open draft out of the editor: kept among the drafts if worth keeping, else dropped. Says whether it was kept. */
  function putAway(): boolean {
    if (!draft) return false;
    const keep = worthKeeping(draft, own);
    if (keep) saveDraft(slug, draft, false);
    else removeDraft(slug, draft.id);
    setDraft(undefined);
    setRestored(false);
    setSaveState({ status: 'idle' });
    reload();
    return keep;
  }

  /** Opens a kept draft in the editor (after putting the open one away). */
  function reopen(kept: NoteDraft, restoredNotice = false) {
    if (draft?.id !== kept.id) putAway();
    update(kept);
    setRestored(restoredNotice);
    reload();
    setPanel({ mode: 'editor' });
  }

  /**
   * The draft the editor showed when the page was left (a reload, or a sign-in from a selection),
   * opened again; returned, to bring its passage into view.
   */
  function restoreOpen(): NoteDraft | undefined {
    const open = loadDrafts(slug).find((d) => d.open);
    if (!open) return undefined;
    setDraft(open);
    setRestored(true);
    setPanel({ mode: 'editor' });
    return open;
  }

  /** A new note in the editor; a note already being written stays among the drafts. */
  function start(fresh: NoteDraft) {
    if (putAway()) setNotice(t('draftKept'));
    update(fresh);
    setPanel({ mode: 'editor' });
  }

  function edit(annotation: ApiAnnotation) {
    const fresh = draftFor(annotation);
    // Changes to this note kept from before are picked up where they were left.
    const kept = drafts.find((d) => d.id === fresh.id);
    if (kept) return reopen(kept, true);
    putAway();
    update(fresh);
    setPanel({ mode: 'editor' });
  }

  function discard(gone: NoteDraft) {
    removeDraft(slug, gone.id);
    reload();
    if (draft?.id !== gone.id) return;
    setDraft(undefined);
    setRestored(false);
    setSaveState({ status: 'idle' });
    setPanel({ mode: 'closed' });
  }

  /** Escape, Close and "Keep as draft": a draft with writing in it waits among the drafts. */
  function close() {
    if (putAway()) setNotice(t('draftKept'));
    setPanel({ mode: 'closed' });
  }

  async function save(current = draft) {
    if (!current) return;
    setSaveState({ status: 'saving' });
    try {
      const fields = noteFields(current);
      const saved = current.annotationId
        ? await patchAnnotation(current.annotationId, { ...fields, version: current.version })
        : await postAnnotation(slug, { ...anchorOf(current), ...fields });
      upsert(saved);
      removeDraft(slug, current.id);
      reload();
      setDraft((open) => (open?.id === current.id ? undefined : open));
      setRestored(false);
      setSaveState({ status: 'idle' });
      setPanel({ mode: 'notes', ids: [saved.id] });
    } catch (error) {
      const e = error instanceof AnnotationApiError ? error : new AnnotationApiError(0, 'offline');
      if (e.status === 409 && e.current) {
        upsert(e.current);
        update({ ...current, version: e.current.version });
        setSaveState({ status: 'failed', message: t('conflict') });
      } else {
        setSaveState({ status: 'failed', message: e.status === 0 ? t('offline') : t('saveFailed', { message: e.message }) });
      }
    }
  }

  return {
    draft,
    /** The drafts waiting outside the editor. */
    kept: drafts.filter((d) => d.id !== draft?.id),
    restored,
    saveState,
    notice,
    update,
    start,
    edit,
    reopen,
    restoreOpen,
    discard,
    close,
    save,
  };
}
