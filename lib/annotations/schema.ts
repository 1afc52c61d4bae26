import { z } from 'zod';
import { maxBodyLength } from './limits';
import {
  annotationKinds,
  claimVerdicts,
  highlightColors,
  kindColors,
  editorialRatings,
  maxSuggestionLength,
  suggestionStates,
  visibilities,
  type AnnotationKind,
  type ClaimVerdict,
} from './vocabulary';

export { maxBodyLength };

export { annotationKinds, claimVerdicts, highlightColors, visibilities };
export type { AnnotationKind, ClaimVerdict, HighlightColor, Visibility } from './vocabulary';

const quoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1, 'must not be empty').max(maxBodyLength),
    prefix: z.string().max(200).default(''),
    suffix: z.string().max(200).default(''),
  })
  .strict();

const positionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.int().nonnegative(),
    end: z.int().positive(),
  })
  .strict()
  .refine((s) => s.start < s.end, { message: 'start must be less than end', path: ['start'] });

const selector = z.discriminatedUnion('type', [quoteSelector, positionSelector]);

/** W3C Web Annotation target: one TextQuoteSelector and one TextPositionSelector, in any order. */
const target = z
  .object({ source: z.string().optional(), selector: z.array(selector).length(2, 'needs a TextQuoteSelector and a TextPositionSelector') })
  .strict()
  .transform((value, context) => {
    const quoteIndex = value.selector.findIndex((s) => s.type === 'TextQuoteSelector');
    const positionIndex = value.selector.findIndex((s) => s.type === 'TextPositionSelector');
    const quote = value.selector[quoteIndex];
    const position = value.selector[positionIndex];
    if (quote?.type !== 'TextQuoteSelector' || position?.type !== 'TextPositionSelector') {
      context.addIssue({ code: 'custom', message: 'needs one TextQuoteSelector and one TextPositionSelector', path: ['selector'] });
      return z.NEVER;
    }
    return { quote, position, quoteIndex, positionIndex };
  });

const tags = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(40, 'must be at most 40 characters')
      .regex(/^[^\p{C}]+$/u, 'must not contain control characters'),
  )
  .max(20, 'at most 20 tags')
  .transform((list) => [...new Set(list)]);

const sourceUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(2048, 'must be at most 2048 characters')
  .nullable();

/** One sentence's new wording: a single line, no control characters, not blank. */
const suggestionText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(maxSuggestionLength, `must be at most ${maxSuggestionLength} characters`)
  .regex(/^[^\p{C}]+$/u, 'must be one line without control characters');

/** A translation's suggestion: which sentence, in which language, should read what. */
const suggestion = z
  .object({
    lang: z.enum(['zh', 'en']),
    sentenceId: z.string().regex(/^[hp]\d{2,4}-s\d{1,4}$/, 'must be a sentence id such as p07-s3'),
    text: suggestionText,
  })
  .strict();

const noteFields = {
  kind: z.enum(annotationKinds),
  verdict: z.enum(claimVerdicts).nullable(),
  sourceUrl,
  body: z.string().max(maxBodyLength, `must be at most ${maxBodyLength} characters`),
  tags,
  visibility: z.enum(visibilities),
  color: z.enum(highlightColors),
};

/** Claims carry a verdict (default "unverified") and may carry a source; other kinds carry neither. */
function checkClaimFields(
  value: { kind?: AnnotationKind; verdict?: ClaimVerdict | null; sourceUrl?: string | null },
  context: z.RefinementCtx,
) {
  if (value.kind === undefined) return;
  if (value.kind === 'translation' && !('suggestion' in value && value.suggestion))
    context.addIssue({ code: 'custom', message: 'a translation carries a suggestion', path: ['suggestion'] });
  if (value.kind !== 'translation' && 'suggestion' in value && value.suggestion)
    context.addIssue({ code: 'custom', message: 'only a translation carries a suggestion', path: ['suggestion'] });
  if (value.kind !== 'claim' && value.verdict)
    context.addIssue({ code: 'custom', message: 'only a claim carries a verdict', path: ['verdict'] });
  if (value.kind !== 'claim' && value.sourceUrl)
    context.addIssue({ code: 'custom', message: 'only a claim carries a source URL', path: ['sourceUrl'] });
}

export const createAnnotationSchema = z
  .object({
    lang: z.enum(['zh', 'en']),
    blockId: z.string().regex(/^[hp]\d{2,4}$/, 'must be a heading or paragraph id such as p07'),
    sentenceIds: z
      .array(z.string().regex(/^[hp]\d{2,4}-s\d{1,4}$/, 'must be sentence ids such as p07-s3'))
      .min(1)
      .max(500),
    target,
    kind: noteFields.kind,
    verdict: noteFields.verdict.optional(),
    sourceUrl: noteFields.sourceUrl.optional(),
    body: noteFields.body.default(''),
    tags: noteFields.tags.default([]),
    visibility: noteFields.visibility.default('private'),
    color: noteFields.color.optional(),
    suggestion: suggestion.optional(),
  })
  .strict()
  .superRefine(checkClaimFields)
  .superRefine((value, context) => {
    if (value.suggestion && !value.sentenceIds.includes(value.suggestion.sentenceId))
      context.addIssue({ code: 'custom', message: 'must be one of the sentences the note is on', path: ['suggestion', 'sentenceId'] });
  })
  .transform((value) => ({
    ...value,
    color: value.color ?? kindColors[value.kind],
    verdict: value.kind === 'claim' ? (value.verdict ?? 'unverified') : null,
    sourceUrl: value.kind === 'claim' ? (value.sourceUrl ?? null) : null,
    suggestion: value.kind === 'translation' ? (value.suggestion ?? null) : null,
  }));

export const updateAnnotationSchema = z
  .object({
    kind: noteFields.kind.optional(),
    verdict: noteFields.verdict.optional(),
    sourceUrl: noteFields.sourceUrl.optional(),
    body: noteFields.body.optional(),
    tags: noteFields.tags.optional(),
    visibility: noteFields.visibility.optional(),
    color: noteFields.color.optional(),
    /** Translations only, while open: the suggested wording (its sentence and language stay). */
    suggestionText: suggestionText.optional(),
    /** Questions only: the author marks it answered (or open again). */
    resolved: z.boolean().optional(),
    /** The version being edited; a stale one is refused with 409. */
    version: z.int().positive().max(2_147_483_647, 'is not a version of this note').optional(),
  })
  .strict()
  .superRefine(checkClaimFields)
  .refine((value) => Object.keys(value).some((key) => key !== 'version'), { message: 'nothing to change', path: [] });

export const createReplySchema = z
  .object({
    body: noteFields.body.trim().min(1, 'must not be empty'),
    /** Only in a claim's thread: the replier's own verdict on it. */
    verdict: noteFields.verdict.optional(),
  })
  .strict();

export const updateReplySchema = z
  .object({
    body: noteFields.body.trim().min(1, 'must not be empty').optional(),
    verdict: noteFields.verdict.optional(),
    version: z.int().positive().max(2_147_483_647, 'is not a version of this note').optional(),
  })
  .strict()
  .refine((value) => value.body !== undefined || value.verdict !== undefined, { message: 'nothing to change', path: [] });

export const flagSchema = z
  .object({
    reason: z.string().trim().min(3, 'say in a few words what is wrong').max(500, 'must be at most 500 characters'),
  })
  .strict();

export const moderationSchema = z
  .object({
    action: z.enum(['hide', 'restore']),
    /** Shown to the note's author in "My notes". */
    reason: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  })
  .strict();

/** A reader's +1 of a translation suggestion, or taking it back. */
export const supportSchema = z.object({ support: z.boolean() }).strict();

/** An editor's decision on a translation suggestion ("open" takes a decision back). */
export const decisionSchema = z
  .object({
    state: z.enum(suggestionStates),
    /** The version the editor read: required, so that a wording changed since is never decided unseen. */
    version: z.int().positive().max(2_147_483_647, 'is not a version of this note'),
  })
  .strict();

const reasoning = z.string().max(5000, 'must be at most 5,000 characters').default('');

/** An editor publishes (or revises) a verdict on a claim sentence, or withdraws it, naming the version they read (0: none yet). */
export const editorialVerdictSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('publish'),
      rating: z.enum(editorialRatings),
      reasoningEn: reasoning,
      reasoningZh: reasoning,
      sources: z.array(sourceUrl.unwrap()).max(10, 'at most 10 sources').default([]),
      version: z.int().nonnegative().max(2_147_483_647, 'is not a version of this verdict'),
    })
    .strict(),
  z
    .object({
      action: z.literal('withdraw'),
      version: z.int().positive().max(2_147_483_647, 'is not a version of this verdict'),
    })
    .strict(),
]);

export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;
