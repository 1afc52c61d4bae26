import { claimVerdicts, type ClaimVerdict } from './vocabulary';

// Where readers stand on a claim, as the claims view and the reader's margin marks both say it (no
// zod, no server code: client components import it).

/** What the readers' votes on a claim add up to: a verdict most of them agree on, or split. */
export type Consensus = ClaimVerdict | 'split';
export const consensusValues = [...claimVerdicts, 'split'] as const;

/** How many readers gave the claim a verdict. */
export const votesOf = (tally: Record<ClaimVerdict, number>) => claimVerdicts.reduce((sum, verdict) => sum + tally[verdict], 0);

/**
 * A verdict is the consensus when at least 60% of the votes give it; otherwise readers are split.
 * `dissent`: the votes that disagree with the leading verdict, what "most contested" sorts by.
 */
export function consensusOf(tally: Record<ClaimVerdict, number>): { consensus: Consensus; dissent: number } {
  const votes = votesOf(tally);
  const leading = claimVerdicts.reduce((best, verdict) => (tally[verdict] > tally[best] ? verdict : best), claimVerdicts[0]);
  // No reader has voted (an editor's verdict alone): nothing is verified by readers yet.
  if (votes === 0) return { consensus: 'unverified', dissent: 0 };
  return { consensus: tally[leading] / votes >= 0.6 ? leading : 'split', dissent: votes - tally[leading] };
}
