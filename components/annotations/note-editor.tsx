'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { maxBodyLength } from '@/lib/annotations/limits';
import { annotationKinds, claimVerdicts, highlightColors, kindColors } from '@/lib/annotations/vocabulary';
import { hasWriting, type NoteDraft } from '@/lib/annotations-ui/draft-store';
import type { SaveState } from '@/lib/annotations-ui/use-note-drafts';
import { ColorLabel } from './highlight-names';

type Props = {
  draft: NoteDraft;
  restored: boolean;
  saveState: SaveState;
  onChange: (draft: NoteDraft) => void;
  onSave: () => void;
  /** Closes the editor; a draft with writing in it is kept (Escape does the same). */
  onClose: () => void;
  onDiscard: () => void;
};

/** "Unverified" first: a new claim's verdict until its author says otherwise. */
const verdicts = ['unverified', ...claimVerdicts.filter((verdict) => verdict !== 'unverified')] as const;

/**
 * The note form. Every keystroke goes to the draft (kept in localStorage by the layer); closing keeps
 * a draft with writing in it, and only Discard throws it away.
 */
export function NoteEditor({ draft, restored, saveState, onChange, onSave, onClose, onDiscard }: Props) {
  const t = useTranslations('Annotations');
  const body = useRef<HTMLTextAreaElement>(null);
  const writing = hasWriting(draft);
  const set = <K extends keyof NoteDraft>(key: K, value: NoteDraft[K]) => onChange({ ...draft, [key]: value });

  useEffect(() => body.current?.focus(), []);

  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The panel around the editor would take Escape as its own Close too.
        event.stopPropagation();
        onClose();
      }}
    >
      <h3>{draft.annotationId ? t('editNote') : t('newNote')}</h3>
      {restored && <p className="note-notice">{t('draftRestored')}</p>}
      {draft.target && <blockquote className="note-quote">{draft.target.quote}</blockquote>}
      <fieldset className="note-kinds">
        <legend>{t('kind')}</legend>
        {annotationKinds.map((kind) => (
          <label key={kind}>
            <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind', kind)} />
            {t(`kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="note-colors">
        <legend>{t('color')}</legend>
        {highlightColors.map((color) => (
          <label key={color}>
            <input
              type="radio"
              name="color"
              value={color}
              checked={(draft.color ?? kindColors[draft.kind]) === color}
              onChange={() => set('color', color)}
            />
            <ColorLabel color={color} />
          </label>
        ))}
      </fieldset>
      {draft.kind === 'claim' && (
        <>
          <label>
            {t('verdict')}
            <select value={draft.verdict} onChange={(event) => set('verdict', event.target.value as NoteDraft['verdict'])}>
              {verdicts.map((verdict) => (
                <option key={verdict} value={verdict}>
                  {t(`verdicts.${verdict}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sourceUrl')}
            <input type="url" value={draft.sourceUrl} onChange={(event) => set('sourceUrl', event.target.value)} placeholder="https://" />
          </label>
        </>
      )}
      <label>
        {t('body')}
        <textarea ref={body} rows={5} maxLength={maxBodyLength} value={draft.body} onChange={(event) => set('body', event.target.value)} />
        <span className="field-hint">{t('charactersLeft', { count: maxBodyLength - draft.body.length })}</span>
      </label>
      <label>
        {t('tags')}
        <input value={draft.tags} onChange={(event) => set('tags', event.target.value)} />
      </label>
      <fieldset className="note-visibility-choice">
        <legend>{t('visibility')}</legend>
        {(['private', 'shared'] as const).map((visibility) => (
          <label key={visibility}>
            <input
              type="radio"
              name="visibility"
              value={visibility}
              checked={draft.visibility === visibility}
              onChange={() => set('visibility', visibility)}
            />
            {t(visibility)}
          </label>
        ))}
      </fieldset>
      {saveState.status === 'failed' && (
        <p className="form-error" role="alert">
          {saveState.message}
        </p>
      )}
      <div className="note-editor-actions">
        <button type="submit" className="button-primary" disabled={saveState.status === 'saving'}>
          {saveState.status === 'saving' ? t('saving') : saveState.status === 'failed' ? t('retry') : t('save')}
        </button>
        {writing ? (
          <>
            <button type="button" className="link-button" onClick={onClose}>
              {t('keepDraft')}
            </button>
            <button type="button" className="link-button discard" onClick={onDiscard}>
              {t('discardDraft')}
            </button>
          </>
        ) : (
          <button type="button" className="link-button" onClick={onDiscard}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
