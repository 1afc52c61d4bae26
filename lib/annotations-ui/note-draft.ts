import type { AnnotationKind } from '@/lib/annotations/schema';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { kindColors } from '@/lib/annotations/vocabulary';
import { hasWriting, newDraftId, type DraftSuggestion, type NoteDraft } from './draft-store';
import type { DescribedSelection } from './page-anchoring';

// Between a draft (what the editor holds, draft-store.ts) and a note (what the API takes and gives).

/** A new note's draft on a selected passage; a translation's starts from the sentence as the article has it. */
export function newDraft(selection: DescribedSelection, kind: AnnotationKind, suggestion?: DraftSuggestion): NoteDraft {
  return {
    // Every new draft carries it: the reader may turn a comment into a translation in the editor.
    ...(suggestion && { suggestion }),
    id: newDraftId(),
    target: {
      lang: selection.lang,
      blockId: selection.blockId,
      sentenceIds: selection.sentenceIds,
      target: { selector: selection.selector },
      quote: selection.quote,
    },
    kind,
    verdict: 'unverified',
    sourceUrl: '',
    body: '',
    tags: '',
    visibility: 'private',
    savedAt: Date.now(),
  };
}

/** The draft that edits a saved note; one per note, so changes left unsaved are found again. */
export function draftFor(annotation: ApiAnnotation): NoteDraft {
  return {
    id: `edit-${annotation.id}`,
    annotationId: annotation.id,
    version: annotation.version,
    kind: annotation.kind,
    verdict: annotation.verdict ?? 'unverified',
    sourceUrl: annotation.sourceUrl ?? '',
    body: annotation.body,
    tags: annotation.tags.join(', '),
    visibility: annotation.visibility,
    color: annotation.color,
    ...(annotation.suggestion && {
      suggestion: {
        lang: annotation.suggestion.lang,
        sentenceId: annotation.suggestion.sentenceId,
        text: annotation.suggestion.text,
        original: annotation.suggestion.current ?? annotation.suggestion.text,
      },
    }),
    savedAt: Date.now(),
  };
}

const noteFieldsOfDraft = ['kind', 'verdict', 'sourceUrl', 'body', 'tags', 'visibility', 'color'] as const;

/**
 * Whether closing the editor should keep this draft: a new note with writing in it, or changes to
 * a note (one no longer among the reader's own is kept too, rather than lose what was typed).
 */
export function worthKeeping(draft: NoteDraft, own: ApiAnnotation[]): boolean {
  if (!draft.annotationId) return hasWriting(draft);
  const note = own.find((a) => a.id === draft.annotationId);
  if (!note) return true;
  const saved = draftFor(note);
  return noteFieldsOfDraft.some((field) => draft[field] !== saved[field]) || draft.suggestion?.text !== saved.suggestion?.text;
}

/** Where a new note is anchored, as the API takes it (the quote is only shown in the editor). */
export function anchorOf(draft: NoteDraft) {
  if (!draft.target) return {};
  const { quote: _quote, ...rest } = draft.target;
  return rest;
}

/** The note fields of a draft as the API takes them: a new translation names its sentence, an edit only rewords it. */
export function noteFields(draft: NoteDraft) {
  const claim = draft.kind === 'claim';
  const suggestion = draft.kind === 'translation' ? draft.suggestion : undefined;
  return {
    ...(suggestion &&
      (draft.annotationId
        ? { suggestionText: suggestion.text.trim() }
        : { suggestion: { lang: suggestion.lang, sentenceId: suggestion.sentenceId, text: suggestion.text.trim() } })),
    kind: draft.kind,
    verdict: claim ? draft.verdict : null,
    sourceUrl: claim && draft.sourceUrl.trim() ? draft.sourceUrl.trim() : null,
    body: draft.body,
    tags: draft.tags
      .split(/[,，]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    visibility: draft.visibility,
    color: draft.color ?? kindColors[draft.kind],
  };
}
