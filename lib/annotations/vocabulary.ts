// The words annotations are made of, without zod: client components import these, and zod must not
// reach the browser bundle (bench:page keeps the article's JavaScript within 1.3× an empty page).
export const annotationKinds = ['highlight', 'comment', 'question', 'claim', 'translation'] as const;
export const claimVerdicts = ['supported', 'disputed', 'false', 'unverified'] as const;
export const visibilities = ['private', 'shared'] as const;
/** Where a translation suggestion stands: open until an editor accepts or declines it. */
export const suggestionStates = ['open', 'accepted', 'declined'] as const;
/** Highlight colours: each reader names them as they like (User.highlightNames). */
export const highlightColors = ['yellow', 'blue', 'purple', 'pink'] as const;

export type AnnotationKind = (typeof annotationKinds)[number];
export type ClaimVerdict = (typeof claimVerdicts)[number];
export type Visibility = (typeof visibilities)[number];
export type HighlightColor = (typeof highlightColors)[number];
export type SuggestionState = (typeof suggestionStates)[number];

/**
 * An editor's rating of a claim (issue 16), worst first: its position + 1 is the number a
 * ClaimReview's reviewRating gives (worstRating 1, bestRating 5).
 */
export const editorialRatings = ['false', 'misleading', 'mixed', 'mostly-true', 'true'] as const;
export type EditorialRating = (typeof editorialRatings)[number];

/** The longest suggested rendering of one sentence (the article's longest sentence is under 300). */
export const maxSuggestionLength = 2000;

/** A note's colour when its author picks none: the colour each kind had before colours could be chosen. */
export const kindColors: Record<AnnotationKind, HighlightColor> = {
  highlight: 'yellow',
  comment: 'blue',
  question: 'purple',
  claim: 'pink',
  translation: 'blue',
};

/** The longest name a reader may give a highlight colour (characters as JavaScript counts them). */
export const maxHighlightNameLength = 30;

/** A reader's names for the colours; a colour left out keeps its colour word. */
export type HighlightNames = Partial<Record<HighlightColor, string>>;
