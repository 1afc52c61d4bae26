import type { ArticleSummary } from '@/lib/annotations/read-model';

/** How a sentence's discussion is marked, by how many notes everyone may see on it. */
export const discussionLevels = [
  { name: 'discussion-few', from: 1 },
  { name: 'discussion-some', from: 10 },
  { name: 'discussion-many', from: 100 },
] as const;

export function discussionLevel(notes: number): (typeof discussionLevels)[number]['name'] | null {
  let level: (typeof discussionLevels)[number]['name'] | null = null;
  for (const { name, from } of discussionLevels) if (notes >= from) level = name;
  return level;
}

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/**
 * Marks every discussed sentence, in both languages, by how much discussion it has (one named
 * highlight per level, styled in globals.css): a glance shows where the conversation is, however
 * many notes the article holds, without loading any of them. One range per discussed sentence, found
 * in one walk of the page's sentences (a query per discussed sentence walked the article hundreds
 * of times on a busy one).
 */
export function paintDiscussion(container: HTMLElement, summary: ArticleSummary | undefined) {
  if (!supported()) return;
  const byLevel = new Map<string, Range[]>(discussionLevels.map(({ name }) => [name, []]));
  const tallies = summary?.sentences ?? {};
  if (Object.keys(tallies).length > 0) {
    for (const element of container.querySelectorAll<HTMLElement>('[data-sid]')) {
      const id = element.dataset.sid!;
      const level = Object.hasOwn(tallies, id) ? discussionLevel(tallies[id].notes) : null;
      if (!level) continue;
      const range = document.createRange();
      range.selectNodeContents(element);
      byLevel.get(level)!.push(range);
    }
  }
  for (const [name, ranges] of byLevel) CSS.highlights.set(name, new Highlight(...ranges));
}

/** The sentence (its id) under a point of the viewport, if any. */
export function sentenceAtPoint(x: number, y: number): string | undefined {
  const element = document.elementFromPoint(x, y);
  return element?.closest<HTMLElement>('[data-sid]')?.dataset.sid;
}
