import {
  annotationKinds,
  claimVerdicts,
  highlightColors,
  visibilities,
  type AnnotationKind,
  type ClaimVerdict,
  type HighlightColor,
  type Visibility,
} from '@/lib/annotations/vocabulary';
import type { ArticleLang } from '@/lib/content/types';

/**
 * What a reader is writing, kept in localStorage so that a reload, a lost connection, a failed save,
 * closing the editor or starting another note loses nothing. An article holds several drafts, like
 * unsent messages: only the reader's Discard (or a save) removes one with text in it.
 */
export type NoteDraft = {
  /** Which draft this is, among the article's. */
  id: string;
  /** Present when editing an existing note. */
  annotationId?: string;
  version?: number;
  /** For a new note: where it is anchored (the body of the eventual POST, minus the note fields). */
  target?: {
    lang: ArticleLang;
    blockId: string;
    sentenceIds: string[];
    target: { selector: unknown[] };
    quote: string;
  };
  kind: AnnotationKind;
  verdict: ClaimVerdict;
  sourceUrl: string;
  body: string;
  tags: string;
  visibility: Visibility;
  /**
   * Translations: the new wording of sentence `sentenceId` in `lang`, and that sentence as the
   * article had it when the draft began (what "unchanged" means, and what the editor shows beside it).
   */
  suggestion?: DraftSuggestion;
  /** Picked by the reader; none: the kind's colour (kindColors). */
  color?: HighlightColor;
  savedAt: number;
  /** Whether the editor showed it when the page was left: that one opens again on the next visit. */
  open?: boolean;
};

export type DraftSuggestion = { lang: ArticleLang; sentenceId: string; text: string; original: string };

/** A browser may keep this many drafts of one article; past it the oldest closed ones go first. */
export const maxDraftsPerArticle = 50;

const key = (slug: string) => `reader-note-drafts:${slug}`;
/** Where a single draft was kept before an article could hold several: read once, then moved. */
const oldKey = (slug: string) => `reader-note-draft:${slug}`;

/** Whether a draft holds anything the reader typed; an empty one is not worth keeping. */
export function hasWriting(draft: Pick<NoteDraft, 'kind' | 'body' | 'tags' | 'sourceUrl' | 'suggestion'>): boolean {
  return Boolean(
    draft.body.trim() ||
    draft.tags.trim() ||
    draft.sourceUrl.trim() ||
    (draft.kind === 'translation' && suggestionChanged(draft.suggestion)),
  );
}

/** Whether the reader has reworded the sentence (the editor starts from the article's wording). */
export function suggestionChanged(suggestion: DraftSuggestion | undefined): boolean {
  return !!suggestion && suggestion.text.trim() !== '' && suggestion.text.trim() !== suggestion.original.trim();
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const oneOf = <T extends string>(value: unknown, options: readonly T[]): value is T => options.includes(value as T);

/** A stored target as the editor and the API need it (the store is the reader's, but may be old or damaged). */
function isTarget(value: unknown): value is NonNullable<NoteDraft['target']> {
  const target = value as NoteDraft['target'];
  return (
    typeof target === 'object' &&
    target !== null &&
    oneOf(target.lang, ['zh', 'en'] as const) &&
    isString(target.blockId) &&
    Array.isArray(target.sentenceIds) &&
    target.sentenceIds.every(isString) &&
    isString(target.quote) &&
    typeof target.target === 'object' &&
    target.target !== null &&
    Array.isArray(target.target.selector)
  );
}

function isSuggestion(value: unknown): value is DraftSuggestion {
  const suggestion = value as DraftSuggestion;
  return (
    typeof suggestion === 'object' &&
    suggestion !== null &&
    oneOf(suggestion.lang, ['zh', 'en'] as const) &&
    isString(suggestion.sentenceId) &&
    isString(suggestion.text) &&
    isString(suggestion.original)
  );
}

/** Whether a stored value is a draft this version can show: anything else is left out, never shown broken. */
function isDraft(value: unknown): value is NoteDraft {
  const draft = value as NoteDraft;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    isString(draft.id) &&
    isString(draft.body) &&
    isString(draft.tags) &&
    isString(draft.sourceUrl) &&
    oneOf(draft.kind, annotationKinds) &&
    oneOf(draft.verdict, claimVerdicts) &&
    oneOf(draft.visibility, visibilities) &&
    typeof draft.savedAt === 'number' &&
    (draft.target === undefined || isTarget(draft.target)) &&
    (draft.annotationId === undefined || isString(draft.annotationId)) &&
    (draft.suggestion === undefined || isSuggestion(draft.suggestion)) &&
    (draft.kind !== 'translation' || draft.suggestion !== undefined) &&
    (draft.color === undefined || oneOf(draft.color, highlightColors))
  );
}

function read(store: Storage, slug: string): NoteDraft[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key(slug)) ?? '[]');
    const drafts = Array.isArray(parsed) ? parsed.filter(isDraft) : [];
    const old: unknown = JSON.parse(store.getItem(oldKey(slug)) ?? 'null');
    if (old && typeof old === 'object') {
      const moved = { ...(old as NoteDraft), id: 'draft-from-before', open: true };
      if (isDraft(moved)) drafts.push(moved);
      write(store, slug, drafts);
      store.removeItem(oldKey(slug));
    }
    return drafts;
  } catch {
    return [];
  }
}

function write(store: Storage, slug: string, drafts: NoteDraft[]) {
  const newestFirst = [...drafts].sort((a, b) => b.savedAt - a.savedAt);
  const kept = [...newestFirst.filter((d) => d.open), ...newestFirst.filter((d) => !d.open)].slice(0, maxDraftsPerArticle);
  try {
    store.setItem(key(slug), JSON.stringify(kept));
  } catch {
    // Storage full or disabled: the editor still holds the text.
  }
}

/** The article's drafts, newest first. */
export function loadDrafts(slug: string): NoteDraft[] {
  const store = storage();
  return store ? read(store, slug).sort((a, b) => b.savedAt - a.savedAt) : [];
}

/** Keeps a draft (replacing the one with its id); `open` says whether the editor shows it now. */
export function saveDraft(slug: string, draft: NoteDraft, open: boolean) {
  const store = storage();
  if (!store) return;
  const others = read(store, slug)
    .filter((d) => d.id !== draft.id)
    .map((d) => (open ? { ...d, open: false } : d));
  // Later than every other draft even within one millisecond, so "newest" means the last saved.
  const savedAt = Math.max(Date.now(), ...others.map((d) => d.savedAt + 1));
  write(store, slug, [...others, { ...draft, open, savedAt }]);
}

export function removeDraft(slug: string, id: string) {
  const store = storage();
  if (!store) return;
  write(
    store,
    slug,
    read(store, slug).filter((d) => d.id !== id),
  );
}

/** A new draft's id: unique among the article's drafts in this browser. */
export function newDraftId(): string {
  return `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
