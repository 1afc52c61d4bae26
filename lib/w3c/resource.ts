import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { annoContext, toNoteAnnotation, type NoteAnnotation } from '@/lib/exchange/jsonld';
import { annotationPath } from './paths';

/** A note as the protocol serves it: the Web Annotation our exports write, with its IRI in the container. */
export type W3cAnnotation = Omit<NoteAnnotation, 'id'> & {
  '@context': [typeof annoContext, { reader: string }];
  id: string;
  canonical?: string;
  via?: string;
};

export function toW3cAnnotation(
  note: ApiAnnotation,
  origin: string,
  identity?: { canonical: string | null; via: string | null },
): W3cAnnotation {
  const { id: _exportIri, ...annotation } = toNoteAnnotation(note, origin);
  return {
    '@context': [annoContext, { reader: `${origin}/ns/reader#` }],
    id: `${origin}${annotationPath(note.article, note.id)}`,
    ...annotation,
    ...(identity?.canonical && { canonical: identity.canonical }),
    ...(identity?.via && { via: identity.via }),
  };
}
