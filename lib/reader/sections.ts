/**
 * The article's sections, as the contents list them: each heading and the blocks after it, up to the
 * next heading. Blocks before the first heading (the lead) belong to no section.
 */

/** A block in reading order: its aligned id (`p07`, `h02`) and whether it is a heading. */
export type OutlineBlock = { id: string; heading: boolean };

/** Which heading's section each block is in (blocks of the lead are left out). */
export function sectionOfBlocks(blocks: OutlineBlock[]): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  for (const block of blocks) {
    if (block.heading) heading = block.id;
    if (heading) sections.set(block.id, heading);
  }
  return sections;
}

/** The block of a sentence id (`p07-s2` → `p07`). */
const blockOf = (sentenceId: string) => sentenceId.replace(/-s\d+$/, '');

/**
 * How many notes each section has: the shared notes counted by sentence (the article's summary),
 * plus the reader's own notes that others cannot see, counted once, on their first sentence.
 */
export function sectionNoteCounts(
  sections: Map<string, string>,
  sharedBySentence: Record<string, { notes: number }>,
  ownUnshared: { sentenceIds: string[] }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (sentenceId: string | undefined, n: number) => {
    const section = sentenceId && sections.get(blockOf(sentenceId));
    if (section && n > 0) counts.set(section, (counts.get(section) ?? 0) + n);
  };
  for (const [sentenceId, tally] of Object.entries(sharedBySentence)) add(sentenceId, tally.notes);
  for (const note of ownUnshared) add(note.sentenceIds[0], 1);
  return counts;
}

/** The blocks of the article on the page, in reading order (one language: both have the same blocks). */
export function outlineOfPage(root: ParentNode): OutlineBlock[] {
  return [...root.querySelectorAll<HTMLElement>('.block[data-lang="zh"][data-block]')].map((block) => ({
    id: block.dataset.block!,
    heading: block.classList.contains('block-heading'),
  }));
}

/**
 * The section being read: the last heading whose top has passed `line` (in viewport coordinates),
 * or none while the reader is still in the lead.
 */
export function currentSection(headingTops: { id: string; top: number }[], line: number): string | undefined {
  let current: string | undefined;
  for (const heading of headingTops) if (heading.top <= line) current = heading.id;
  return current;
}
