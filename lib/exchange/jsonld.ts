import type { AnnotationKind, ClaimVerdict, Visibility } from '@/lib/annotations/schema';
import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import { articleCorrections } from '@/lib/content/article-corrections';
import { htmlLang } from '@/lib/content/types';
import type { EditorialOf } from './editorial-of';

export const annoContext = 'http://www.w3.org/ns/anno.jsonld';

export const motivationOfKind = {
  highlight: 'highlighting',
  comment: 'commenting',
  question: 'questioning',
  claim: 'assessing',
  // The Web Annotation model's word for "a suggested correction or edit of the target".
  translation: 'editing',
} as const satisfies Record<AnnotationKind, string>;

export type NoteMotivation = (typeof motivationOfKind)[AnnotationKind];

type TextualBody = { type: 'TextualBody'; value: string; format?: 'text/markdown'; language?: string; purpose: string };
type LinkBody = { type: 'SpecificResource'; source: string; purpose: 'linking' };
type Creator = { id: string; type: 'Person'; name: string };

/** What the Web Annotation model has no term for, under the `reader:` prefix the collection's context defines. */
export type ReaderExtension = {
  'reader:visibility': Visibility;
  'reader:blockId': string;
  'reader:sentenceIds': string[];
  'reader:resolved': boolean;
  'reader:verdict': ClaimVerdict | null;
  'reader:deleted': boolean;
  /** A quote of the Chinese with a slip the translator corrected: the corrections, so they go with it. */
  'reader:sourceCorrections'?: string[];
  /** Claims an editor reviewed: the ClaimReview of the verdict (its url, on the claims page). */
  'reader:claimReview'?: string;
  /** Translations: which sentence the suggestion (the "editing" body) rewrites, and where it stands. */
  'reader:suggestion'?: { sentenceId: string; lang: string; state: string; support: number };
};

export type NoteAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: NoteMotivation;
  created: string;
  modified: string;
  creator: Creator;
  body?: (TextualBody | LinkBody)[];
  target: { source: string; selector: ApiAnnotation['target']['selector'] };
} & ReaderExtension;

export type ReplyAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: 'replying';
  created: string;
  modified: string;
  creator: Creator;
  body?: TextualBody[];
  target: string;
  'reader:verdict': ClaimVerdict | null;
};

export type AnnotationCollection = {
  '@context': [typeof annoContext, { reader: string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: (NoteAnnotation | ReplyAnnotation)[] };
  last?: string;
};

export type CollectionOptions = {
  /** The editors' verdict on a claim's sentence: the note then links its ClaimReview. */
  editorialOf?: EditorialOf;
  /** The absolute URL this export is served from. */
  id: string;
  label: string;
  /** Where the reader runs, e.g. http://localhost:3000: the base of every IRI in the export. */
  origin: string;
};

export const annotationIri = (origin: string, id: string) => `${origin}/api/annotations/${id}`;
/** Where the API serves the reply. */
const replyIri = (origin: string, reply: ApiReply) => `${origin}/api/replies/${reply.id}`;
const creator = (origin: string, author: ApiAnnotation['author']): Creator => ({
  id: `${origin}/users/${author.id}`,
  type: 'Person',
  name: author.name,
});

function noteBodies(note: ApiAnnotation): (TextualBody | LinkBody)[] {
  if (note.deleted) return [];
  // A translation's note is its reason; the suggestion is the "editing" body.
  const purpose = note.kind === 'translation' ? 'commenting' : motivationOfKind[note.kind];
  const bodies: (TextualBody | LinkBody)[] = [];
  if (note.body) bodies.push({ type: 'TextualBody', value: note.body, format: 'text/markdown', language: htmlLang[note.lang], purpose });
  for (const tag of note.tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (note.verdict) bodies.push({ type: 'TextualBody', value: note.verdict, purpose: 'assessing' });
  if (note.sourceUrl) bodies.push({ type: 'SpecificResource', source: note.sourceUrl, purpose: 'linking' });
  if (note.suggestion)
    bodies.push({ type: 'TextualBody', value: note.suggestion.text, language: htmlLang[note.suggestion.lang], purpose: 'editing' });
  return bodies;
}

export function toNoteAnnotation(note: ApiAnnotation, origin: string, editorialOf?: EditorialOf): NoteAnnotation {
  const body = noteBodies(note);
  const editorial = editorialOf?.(note);
  const corrections = note.lang === 'zh' ? note.sentenceIds.flatMap((id) => articleCorrections(note.article)[id] ?? []) : [];
  return {
    id: annotationIri(origin, note.id),
    type: 'Annotation',
    motivation: motivationOfKind[note.kind],
    created: note.createdAt,
    modified: note.updatedAt,
    creator: creator(origin, note.author),
    ...(body.length > 0 && { body }),
    target: { source: `${origin}/${note.lang}/articles/${note.article}`, selector: note.target.selector },
    'reader:visibility': note.visibility,
    'reader:blockId': note.blockId,
    'reader:sentenceIds': note.sentenceIds,
    'reader:resolved': note.resolved,
    'reader:verdict': note.verdict,
    'reader:deleted': note.deleted,
    ...(corrections.length > 0 && { 'reader:sourceCorrections': corrections }),
    ...(editorial && { 'reader:claimReview': `${origin}/zh/articles/${note.article}/claims#claim-${editorial.sentenceId}` }),
    ...(note.suggestion && {
      'reader:suggestion': {
        sentenceId: note.suggestion.sentenceId,
        lang: note.suggestion.lang,
        state: note.suggestion.state,
        support: note.suggestion.support,
      },
    }),
  };
}

function toReplyAnnotation(reply: ApiReply, note: ApiAnnotation, origin: string): ReplyAnnotation {
  const body: TextualBody[] = [];
  if (reply.body)
    body.push({ type: 'TextualBody', value: reply.body, format: 'text/markdown', language: htmlLang[note.lang], purpose: 'replying' });
  if (reply.verdict) body.push({ type: 'TextualBody', value: reply.verdict, purpose: 'assessing' });
  return {
    id: replyIri(origin, reply),
    type: 'Annotation',
    motivation: 'replying',
    created: reply.createdAt,
    modified: reply.updatedAt,
    creator: creator(origin, reply.author),
    ...(body.length > 0 && { body }),
    target: annotationIri(origin, note.id),
    'reader:verdict': reply.verdict,
  };
}

/** A note as collection items: the note, then its replies (motivation "replying", targeting the note's IRI). */
export function noteItems(note: ApiAnnotation, origin: string, editorialOf?: EditorialOf): (NoteAnnotation | ReplyAnnotation)[] {
  return [toNoteAnnotation(note, origin, editorialOf), ...note.replies.map((reply) => toReplyAnnotation(reply, note, origin))];
}

/** What a collection says of itself, before its count and page. */
export function collectionFrame({ id, label, origin }: CollectionOptions): Omit<AnnotationCollection, 'total' | 'first' | 'last'> {
  return { '@context': [annoContext, { reader: `${origin}/ns/reader#` }], id, type: 'AnnotationCollection', label };
}

/** What the collection's one embedded page says of itself, before its items. */
export function pageFrame(collectionId: string): Omit<NonNullable<AnnotationCollection['first']>, 'items'> {
  return { id: `${collectionId.split('#')[0]}#page-1`, type: 'AnnotationPage', partOf: collectionId, startIndex: 0 };
}

/**
 * The notes as a W3C Web Annotation collection with one embedded page: each note, then its
 * replies. An empty collection has no page, since the model requires a page to hold at least one
 * annotation. (`jsonLdWriter` writes the same collection as text, a page of notes at a time.)
 */
export function toAnnotationCollection(annotations: ApiAnnotation[], options: CollectionOptions): AnnotationCollection {
  const items = annotations.flatMap((note) => noteItems(note, options.origin));
  const collection: AnnotationCollection = { ...collectionFrame(options), total: items.length };
  if (items.length === 0) return collection;
  const page = pageFrame(options.id);
  return { ...collection, first: { ...page, items }, last: page.id };
}
