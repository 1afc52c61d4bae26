import type { ApiAnnotation } from '@/lib/annotations/serialize';
import type { EditorialRating } from '@/lib/annotations/vocabulary';

/** The editors' published verdict on a claim note's sentence, as an export writes it beside the note (issue 16). */
export type NoteEditorial = { rating: EditorialRating; reasoning: { en: string; zh: string }; sentenceId: string };

/** Finds it for a note: only claims have one, the first of their sentences that an editor reviewed. */
export type EditorialOf = (note: ApiAnnotation) => NoteEditorial | undefined;
