// The words annotations are made of, without zod: client components import these, and zod must not
// reach the browser bundle (bench:page keeps the article's JavaScript within 1.3× an empty page).
export const annotationKinds = ['highlight', 'comment', 'question', 'claim'] as const;
export const claimVerdicts = ['supported', 'disputed', 'false', 'unverified'] as const;
export const visibilities = ['private', 'shared'] as const;

export type AnnotationKind = (typeof annotationKinds)[number];
export type ClaimVerdict = (typeof claimVerdicts)[number];
export type Visibility = (typeof visibilities)[number];
