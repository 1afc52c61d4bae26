import type { ArticleSummary } from '@/lib/annotations/read-model';

/**
 * The summary to show after an answer: a whole summary replaces the one held; a delta (`since`: the
 * sentences changed after that revision) is merged into it, and sentences gone to no notes leave.
 * An answer older than what is held (answers can overtake each other) changes nothing.
 */
export function mergeSummary(held: ArticleSummary | undefined, fresh: ArticleSummary): ArticleSummary | undefined {
  if (held && fresh.revision < held.revision) return held;
  if (fresh.since === undefined) return fresh;
  // A delta needs the summary it starts from: without it, some changes would be missing.
  if (!held || held.revision < fresh.since) return held;
  const sentences = { ...held.sentences };
  for (const [id, tally] of Object.entries(fresh.sentences)) {
    if (tally.notes > 0) sentences[id] = tally;
    else delete sentences[id];
  }
  return { revision: fresh.revision, totals: fresh.totals, sentences, editorial: fresh.editorial ?? held.editorial };
}
