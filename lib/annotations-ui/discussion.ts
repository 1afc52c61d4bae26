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

type Tallies = ArticleSummary['sentences'];

/** What is painted in one page: the counts last given, and the blocks that have come near the screen. */
type Painter = { tallies: Tallies; seen: Set<Element> };

const painters = new WeakMap<HTMLElement, Painter>();

/** Writes the level of each of `root`'s sentences that changed. */
function markSentences(root: Element, tallies: Tallies) {
  for (const element of root.querySelectorAll<HTMLElement>('[data-sid]')) {
    const id = element.dataset.sid!;
    const level = Object.hasOwn(tallies, id) ? discussionLevel(tallies[id].notes) : null;
    if ((element.dataset.discussion ?? null) === level) continue;
    if (level) element.dataset.discussion = level;
    else delete element.dataset.discussion;
  }
}

function painterOf(container: HTMLElement): Painter {
  const known = painters.get(container);
  if (known) return known;
  const painter: Painter = { tallies: {}, seen: new Set() };
  painters.set(container, painter);
  const blocks = container.querySelectorAll('[data-block]');
  if (typeof IntersectionObserver === 'undefined') {
    for (const block of blocks) painter.seen.add(block);
    return painter;
  }
  // A block is marked when it comes within a screen of the viewport, and kept up to date from then on.
  const nearScreen = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        nearScreen.unobserve(entry.target);
        painter.seen.add(entry.target);
        markSentences(entry.target, painter.tallies);
      }
    },
    { rootMargin: '100% 0px' },
  );
  for (const block of blocks) nearScreen.observe(block);
  return painter;
}

/**
 * Marks every discussed sentence, in both languages, by how much discussion it has: its
 * `data-discussion` attribute, styled in discussion.css. A glance shows where the conversation is,
 * however many notes the article holds, without loading any of them. One walk of the page's blocks;
 * a block's sentences are marked when it comes within a screen of the viewport (and again when the
 * counts change), and only the sentences whose level changes are written: what it costs follows what
 * the reader looks at.
 *
 * An attribute, not a named highlight like the notes: a page's first highlight rule makes the
 * browser restyle every element, and every later restyle costlier (lib/site/highlight-styles.ts),
 * which a reader who only reads would pay on every article with notes (decision 010). The text is
 * untouched either way, so anchoring is not affected.
 */
export function paintDiscussion(container: HTMLElement, summary: ArticleSummary | undefined) {
  const painter = painterOf(container);
  painter.tallies = summary?.sentences ?? {};
  for (const block of painter.seen) markSentences(block, painter.tallies);
}

/** The sentence (its id) under a point of the viewport, if any. */
export function sentenceAtPoint(x: number, y: number): string | undefined {
  const element = document.elementFromPoint(x, y);
  return element?.closest<HTMLElement>('[data-sid]')?.dataset.sid;
}
