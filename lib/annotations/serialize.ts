import type { AnnotationKind, ClaimVerdict, HighlightColor, Visibility } from './schema';
import type { ArticleLang } from '@/lib/content/types';
import type { SuggestionState } from './vocabulary';
import { suggestionView, type ApiSuggestion } from './suggestion-view';

/** The columns every annotation read selects (explicit, so nothing else leaks into answers). */
export const annotationSelect = {
  id: true,
  article: true,
  lang: true,
  blockId: true,
  sentenceIds: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  kind: true,
  verdict: true,
  sourceUrl: true,
  body: true,
  bodyHtml: true,
  visibility: true,
  version: true,
  resolved: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  createdAt: true,
  updatedAt: true,
  editedAt: true,
  color: true,
  orphaned: true,
  suggestion: true,
  suggestionLang: true,
  suggestionSentenceId: true,
  suggestionState: true,
  suggestionDecidedAt: true,
  supportCount: true,
  author: { select: { id: true, name: true } },
} as const;

/** The columns of a reply. */
export const replySelect = {
  id: true,
  annotationId: true,
  body: true,
  bodyHtml: true,
  verdict: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} as const;

/** For one annotation: the select with its tags and replies (lists load those in separate queries, see list-annotations). */
export const annotationWithTagsSelect = {
  ...annotationSelect,
  tags: { select: { tag: true }, orderBy: { tag: 'asc' } },
  replies: { select: replySelect, orderBy: { createdAt: 'asc' } },
} as const;

export type ReplyRow = {
  id: string;
  annotationId: string;
  body: string;
  bodyHtml: string;
  verdict: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
};

/** A reply in a note's thread, as the API shows it. */
export type ApiReply = {
  id: string;
  annotationId: string;
  body: string;
  bodyHtml: string;
  /** Replies to a claim may carry their own verdict. */
  verdict: ClaimVerdict | null;
  version: number;
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};

export function toApiReply(row: ReplyRow): ApiReply {
  return {
    id: row.id,
    annotationId: row.annotationId,
    body: row.body,
    bodyHtml: row.bodyHtml,
    verdict: row.verdict as ClaimVerdict | null,
    version: row.version,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type AnnotationRow = {
  id: string;
  article: string;
  lang: string;
  blockId: string;
  sentenceIds: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  kind: string;
  verdict: string | null;
  sourceUrl: string | null;
  body: string;
  bodyHtml: string;
  visibility: string;
  version: number;
  resolved: boolean;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  editedAt: Date | null;
  color: string;
  orphaned: boolean;
  suggestion: string | null;
  suggestionLang: string | null;
  suggestionSentenceId: string | null;
  suggestionState: string | null;
  suggestionDecidedAt: Date | null;
  supportCount: number;
  author: { id: string; name: string };
  tags: { tag: string }[];
  replies: ReplyRow[];
};

/** An annotation as the JSON API and the reader see it (W3C-style target, rendered note). */
export type ApiAnnotation = {
  id: string;
  article: string;
  lang: ArticleLang;
  blockId: string;
  sentenceIds: string[];
  target: {
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  kind: AnnotationKind;
  verdict: ClaimVerdict | null;
  sourceUrl: string | null;
  body: string;
  bodyHtml: string;
  tags: string[];
  visibility: Visibility;
  version: number;
  /** Questions: the author marked it answered. */
  resolved: boolean;
  /** The author deleted it while it had replies: body and tags are gone, the thread stays. */
  deleted: boolean;
  /** Hidden by a moderator; only its author (and moderators) ever receive a hidden note. */
  hidden: { at: string; reason: string | null } | null;
  author: { id: string; name: string };
  /** When it was written. */
  createdAt: string;
  /** When anything about it last changed: shared, answered, moderated or edited. */
  updatedAt: string;
  /** When its author last changed what it says (words, kind, verdict, source, tags); null if never. */
  editedAt: string | null;
  /** The author's colour for it (their own name for it: User.highlightNames); not an edit when changed. */
  color: HighlightColor;
  /**
   * Re-anchoring after an edit of the article found no place for it (docs/decisions/011): its quote
   * is of an earlier revision of the text, and it sits on no sentence.
   */
  orphaned: boolean;
  /** Translations: the suggested wording of one sentence, its diff against the text now, its +1s and the editors' decision. */
  suggestion: ApiSuggestion | null;
  /** The thread, oldest first. */
  replies: ApiReply[];
};

export function toApiAnnotation(row: AnnotationRow): ApiAnnotation {
  return {
    id: row.id,
    article: row.article,
    lang: row.lang as ApiAnnotation['lang'],
    blockId: row.blockId,
    sentenceIds: JSON.parse(row.sentenceIds) as string[],
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        { type: 'TextPositionSelector', start: row.start, end: row.end },
      ],
    },
    kind: row.kind as AnnotationKind,
    verdict: row.verdict as ClaimVerdict | null,
    sourceUrl: row.sourceUrl,
    body: row.body,
    bodyHtml: row.bodyHtml,
    tags: row.tags.map((t) => t.tag),
    visibility: row.visibility as Visibility,
    version: row.version,
    resolved: row.resolved,
    deleted: row.deletedAt !== null,
    hidden: row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason } : null,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    color: row.color as HighlightColor,
    orphaned: row.orphaned,
    suggestion:
      row.suggestion && row.suggestionLang && row.suggestionSentenceId && !row.deletedAt
        ? suggestionView(row.article, {
            lang: row.suggestionLang as ArticleLang,
            sentenceId: row.suggestionSentenceId,
            text: row.suggestion,
            state: (row.suggestionState ?? 'open') as SuggestionState,
            decidedAt: row.suggestionDecidedAt,
            support: row.supportCount,
          })
        : null,
    replies: row.replies.map(toApiReply),
  };
}
