'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { maxBodyLength } from '@/lib/annotations/limits';
import { annotationKinds, claimVerdicts, highlightColors, kindColors } from '@/lib/annotations/vocabulary';
import { hasWriting, suggestionChanged, type NoteDraft } from '@/lib/annotations-ui/draft-store';
import type { SaveState } from '@/lib/annotations-ui/use-note-drafts';
import type { ArticleLang } from '@/lib/content/types';
import { ColorLabel } from './highlight-names';
import { SuggestionFields } from './suggestion-fields';

type Props = {
  draft: NoteDraft;
  restored: boolean;
  saveState: SaveState;
  onChange: (draft: NoteDraft) => void;
  onSave: () => void;
  /** Closes the editor; a draft with writing in it is kept (Escape does the same). */
  onClose: () => void;
  onDiscard: () => void;
  /** The Chinese is an original kept word for word: a translation rewords only the English. */
  chineseIsOriginal?: boolean;
  /** A sentence's words as the page has them, to start a suggestion in the other language from. */
  sentenceText?: (lang: ArticleLang, sentenceId: string) => string;
};

/** "Unverified" first: a new claim's verdict until its author says otherwise. */
const verdicts = ['unverified', ...claimVerdicts.filter((verdict) => verdict !== 'unverified')] as const;

/**
 * The note form. Every keystroke goes to the draft (kept in localStorage by the layer); closing keeps
 * a draft with writing in it, and only Discard throws it away.
 */
export function NoteEditor({
  draft,
  restored,
  saveState,
  onChange,
  onSave,
  onClose,
  onDiscard,
  chineseIsOriginal = true,
  sentenceText,
}: Props) {
  const t = useTranslations('Annotations');
  const body = useRef<HTMLTextAreaElement>(null);
  const wording = useRef<HTMLTextAreaElement>(null);
  const writing = hasWriting(draft);
  /** Why the form was not sent, when the browser can tell without asking the server. */
  const [problem, setProblem] = useState<string>();
  const set = <K extends keyof NoteDraft>(key: K, value: NoteDraft[K]) => onChange({ ...draft, [key]: value });

  // A translation starts at its wording; anything else at its note.
  useEffect(() => {
    (wording.current ?? body.current)?.focus();
  }, []);

  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        const unchanged = draft.kind === 'translation' && !suggestionChanged(draft.suggestion);
        setProblem(unchanged ? t('suggestion.unchanged') : undefined);
        if (!unchanged) onSave();
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
      {/* A translation keeps its kind and nothing else becomes one once saved; a new note may be either, with a sentence to reword. */}
      {!(draft.annotationId && draft.kind === 'translation') && (
        <fieldset className="note-kinds">
          <legend>{t('kind')}</legend>
          {annotationKinds
            .filter((kind) => kind !== 'translation' || (!draft.annotationId && draft.suggestion))
            .map((kind) => (
              <label key={kind}>
                <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => set('kind', kind)} />
                {t(`kinds.${kind}`)}
              </label>
            ))}
        </fieldset>
      )}
      {draft.kind === 'translation' && draft.suggestion && (
        <SuggestionFields
          inputRef={wording}
          suggestion={draft.suggestion}
          languages={draft.annotationId || chineseIsOriginal ? ['en'] : ['en', 'zh']}
          onChange={(suggestion) => set('suggestion', suggestion)}
          startFrom={(lang) => {
            const original = sentenceText?.(lang, draft.suggestion!.sentenceId) ?? '';
            return { ...draft.suggestion!, lang, text: original, original };
          }}
        />
      )}
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
        {draft.kind === 'translation' ? t('suggestion.reason') : t('body')}
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
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {!problem && saveState.status === 'failed' && (
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
