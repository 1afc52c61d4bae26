// Anchoring: selectors <-> offsets in a language's canonical text (pure strings), and offsets <->
// DOM Ranges (browser). No React, no network; drawing highlights is the UI's job.
export type { Anchor } from './anchor';
export { anchorSelectors } from './anchor';
export { BLOCK_SEPARATOR, canonicalText, sentenceSeparator } from './canonical-text';
export { alignedSentences, counterpartSentences, sentencesAt } from './cross-language';
export type { Description } from './describe';
export { describeOffsets } from './describe';
export type { DomTextIndex, TextSegment } from './dom-text-index';
export { buildDomTextIndex, offsetsToRange, rangeToOffsets } from './dom-text-index';
export { CONTEXT_LENGTH } from './text-context';
export type * from './types';
export type { SelectorClaims, SelectorField, SelectorProblem } from './validate-selectors';
export { validateSelectors } from './validate-selectors';
