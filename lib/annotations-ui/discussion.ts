import type { ArticleSummary } from '@/lib/annotations/read-model';

/** How a sentence's discussion is marked (its `data-discussion`), by how many notes everyone may see on it. */
export const discussionLevels = [
  { name: 'few', from: 1 },
  { name: 'some', from: 10 },
  { name: 'many', from: 100 },
] as const;

export type DiscussionLevel = (typeof discussionLevels)[number]['name'];

export function discussionLevel(notes: number): DiscussionLevel | null {
  let level: DiscussionLevel | null = null;
  for (const { name, from } of discussionLevels) if (notes >= from) level = name;
  return level;
}

/**
 * Marks every discussed sentence, in both languages, by how much discussion it has: its
 * `data-discussion` attribute, styled in discussion.css. A glance shows where the conversation is,
 * however many notes the article holds, without loading any of them. One walk of the page's
 * sentences (a query per discussed sentence walked the article hundreds of times on a busy one), and
 * only the sentences whose level changes are written.
 *
 * An attribute, not a named highlight like the notes: a page's first highlight rule makes the
 * browser restyle every element, and every later restyle costlier (lib/site/highlight-styles.ts),
 * which a reader who only reads would pay on every article with notes (decision 010). The text is
 * untouched either way, so anchoring is not affected.
 */
export function paintDiscussion(container: HTMLElement, summary: ArticleSummary | undefined) {
  const tallies = summary?.sentences ?? {};
  for (const element of container.querySelectorAll<HTMLElement>('[data-sid]')) {
    const id = element.dataset.sid!;
    const level = Object.hasOwn(tallies, id) ? discussionLevel(tallies[id].notes) : null;
    if ((element.dataset.discussion ?? null) === level) continue;
    if (level) element.dataset.discussion = level;
    else delete element.dataset.discussion;
  }
}

/** The sentence (its id) under a point of the viewport, if any. */
export function sentenceAtPoint(x: number, y: number): string | undefined {
  const element = document.elementFromPoint(x, y);
  return element?.closest<HTMLElement>('[data-sid]')?.dataset.sid;
}
