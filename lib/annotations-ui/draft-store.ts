/** What a reader is writing, kept in localStorage so a reload, a lost connection or a failed save loses nothing. */
export type NoteDraft = {
  /** Present when editing an existing note. */
  annotationId?: string;
  version?: number;
  /** For a new note: where it is anchored (the body of the eventual POST, minus the note fields). */
  target?: {
    lang: 'zh' | 'en';
    blockId: string;
    sentenceIds: string[];
    target: { selector: unknown[] };
    quote: string;
  };
  kind: 'highlight' | 'comment' | 'question' | 'claim';
  verdict: 'supported' | 'disputed' | 'false' | 'unverified';
  sourceUrl: string;
  body: string;
  tags: string;
  visibility: 'private' | 'shared';
  savedAt: number;
};

const key = (slug: string) => `reader-note-draft:${slug}`;

export function loadDraft(slug: string): NoteDraft | undefined {
  try {
    const raw = window.localStorage.getItem(key(slug));
    return raw ? (JSON.parse(raw) as NoteDraft) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(slug: string, draft: NoteDraft) {
  try {
    window.localStorage.setItem(key(slug), JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // Storage full or disabled: the editor still holds the text.
  }
}

export function clearDraft(slug: string) {
  try {
    window.localStorage.removeItem(key(slug));
  } catch {
    // nothing to clear
  }
}
