import { textHash, type IdMap, type IdMapBlock, type IdMapSentence } from './id-map';
import { blockIdPrefix, type ArticleLang, type Block, type BlockKind } from './types';

/** A block of the edited text, its sentences hashed, before it has an id. */
type Edited = { kind: BlockKind; key?: string; sentences: Record<ArticleLang, string>[] };

/** A sentence of either version, flattened in reading order with the block it belongs to. */
type Flat = { block: number; zh: string; en: string };

/** Sentence pairs are the same text when either language is unchanged: an edit touches one side at a time. */
const sameText = (a: Flat, b: Flat) => a.zh === b.zh || a.en === b.en;

/** Longest common subsequence of the two sentence sequences, as pairs of indices in order. */
function commonSentences(before: Flat[], after: Flat[]): [number, number][] {
  const n = before.length;
  const m = after.length;
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = sameText(before[i], after[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (sameText(before[i], after[j]) && lengths[i][j] === lengths[i + 1][j + 1] + 1) pairs.push([i++, j++]);
    else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * Text moved elsewhere, which a common subsequence cannot follow: an unmatched sentence whose two
 * languages are both those of exactly one unmatched sentence before the edit.
 */
function movedSentences(before: Flat[], after: Flat[], matches: [number, number][]): [number, number][] {
  const matchedBefore = new Set(matches.map(([i]) => i));
  const matchedAfter = new Set(matches.map(([, j]) => j));
  const key = (f: Flat) => `${f.zh} ${f.en}`;
  const candidates = new Map<string, number[]>();
  before.forEach((f, i) => !matchedBefore.has(i) && candidates.set(key(f), [...(candidates.get(key(f)) ?? []), i]));
  const occurrences = new Map<string, number>();
  for (const f of after) occurrences.set(key(f), (occurrences.get(key(f)) ?? 0) + 1);
  const moved: [number, number][] = [];
  after.forEach((f, j) => {
    const found = candidates.get(key(f));
    if (!matchedAfter.has(j) && found?.length === 1 && occurrences.get(key(f)) === 1) moved.push([found[0], j]);
  });
  return moved;
}

/**
 * Pairs the unmatched items between consecutive matches one to one when the gap holds as many on
 * each side: the same place, rewritten (both languages of a sentence corrected, a figure replaced).
 * A gap of different sizes is an insertion, deletion, split or merge: nothing in it is paired.
 */
function pairGaps(matches: [number, number][], n: number, m: number, fits: (i: number, j: number) => boolean): [number, number][] {
  const paired: [number, number][] = [];
  const bounds = [[-1, -1] as [number, number], ...matches, [n, m] as [number, number]];
  for (let g = 1; g < bounds.length; g++) {
    const [i0, j0] = bounds[g - 1];
    const [i1, j1] = bounds[g];
    if (i1 - i0 !== j1 - j0) continue;
    for (let k = 1; k < i1 - i0; k++) if (fits(i0 + k, j0 + k)) paired.push([i0 + k, j0 + k]);
  }
  return paired;
}

function number(id: string, prefix: string): number {
  const digits = id.startsWith(prefix) ? id.slice(prefix.length) : '';
  return /^\d+$/.test(digits) ? Number(digits) : 0;
}

/** Hands out ids never used before: past every id the map holds or has retired. */
function idSource(everUsed: string[]) {
  const next = (prefix: string, pad: number) => {
    const highest = Math.max(0, ...everUsed.map((id) => number(id, prefix)));
    const id = `${prefix}${String(highest + 1).padStart(pad, '0')}`;
    everUsed.push(id);
    return id;
  };
  return { block: (kind: BlockKind) => next(blockIdPrefix[kind], 2), sentence: (blockId: string) => next(`${blockId}-s`, 1) };
}

function editedBlocks(zh: readonly Block[], en: readonly Block[]): Edited[] {
  return zh.map((block, k) => ({
    kind: block.kind,
    key: block.key,
    sentences: block.sentences.map((sentence, j) => ({ zh: textHash(sentence.text), en: textHash(en[k].sentences[j].text) })),
  }));
}

function firstMap(blocks: readonly Block[], edited: Edited[], files: Record<ArticleLang, string>): IdMap {
  return {
    revision: 1,
    files,
    retired: [],
    blocks: blocks.map((block, k) => ({
      id: block.id,
      kind: block.kind,
      ...(block.key ? { key: block.key } : {}),
      sentences: block.sentences.map((sentence, j) => ({ id: sentence.id, ...edited[k].sentences[j] })),
    })),
  };
}

/**
 * The id map of an edited article (issue 15, docs/decisions/011-ids-that-survive-edits.md). `zh` and
 * `en` are the edited text, parsed with positional ids and already known to pair block by block;
 * `files` the hashes of the two MDX files. Without a `previous` map the positional ids are the map.
 *
 * With one, untouched text keeps its ids: sentences are matched in reading order (longest common
 * subsequence, a pair unchanged when either language is); a block keeps its id when its first
 * matched sentence comes from it (figures and charts: when their key is the same), and a block or
 * sentence rewritten in place keeps its id when the gap it sits in has the same size before and
 * after. Everything else gets an id never used before, and the ids of removed text are retired.
 * A sentence keeps its id only within the same block, so ids stay named after their block.
 */
export function assignIds(
  previous: IdMap | undefined,
  zh: readonly Block[],
  en: readonly Block[],
  files: Record<ArticleLang, string>,
): IdMap {
  const edited = editedBlocks(zh, en);
  if (!previous) return firstMap(zh, edited, files);

  const before: Flat[] = previous.blocks.flatMap((block, b) => block.sentences.map((s) => ({ block: b, zh: s.zh, en: s.en })));
  const beforeIds = previous.blocks.flatMap((block) => block.sentences.map((s) => s.id));
  const after: Flat[] = edited.flatMap((block, b) => block.sentences.map((s) => ({ block: b, ...s })));
  const sentenceMatches = [...commonSentences(before, after)];
  sentenceMatches.push(...movedSentences(before, after, sentenceMatches));

  // Blocks: by a matched sentence or a shared key, then rewritten blocks in same-sized gaps.
  const blockOf = new Map<number, number>(); // edited block → previous block
  const taken = new Set<number>();
  const claim = (k: number, b: number) => {
    if (blockOf.has(k) || taken.has(b) || previous.blocks[b].kind !== edited[k].kind) return;
    blockOf.set(k, b);
    taken.add(b);
  };
  for (const [i, j] of sentenceMatches) claim(after[j].block, before[i].block);
  edited.forEach((block, k) => {
    if (!block.key) return;
    const b = previous.blocks.findIndex((old, index) => old.key === block.key && !taken.has(index));
    if (b >= 0) claim(k, b);
  });
  // Gaps are only meaningful between matches in reading order on both sides (a moved figure is not one).
  const ordered: [number, number][] = [];
  for (const [k, b] of [...blockOf].sort((x, y) => x[1] - y[1])) if (!ordered.length || k > ordered.at(-1)![1]) ordered.push([b, k]);
  for (const [b, k] of pairGaps(ordered, previous.blocks.length, edited.length, (b, k) => previous.blocks[b].kind === edited[k].kind)) {
    if (!blockOf.has(k) && !taken.has(b)) claim(k, b);
  }

  // Sentences: matched ones keep their id within their block; rewritten ones in same-sized gaps too.
  const sentenceOf = new Map<number, number>(); // edited sentence → previous sentence
  const keeps = (i: number, j: number) => blockOf.get(after[j].block) === before[i].block;
  for (const [i, j] of sentenceMatches) if (keeps(i, j)) sentenceOf.set(j, i);
  const kept: [number, number][] = [];
  for (const [j, i] of [...sentenceOf].sort((x, y) => x[1] - y[1])) if (!kept.length || j > kept.at(-1)![1]) kept.push([i, j]);
  const used = new Set(sentenceOf.values());
  for (const [i, j] of pairGaps(kept, before.length, after.length, keeps)) if (!sentenceOf.has(j) && !used.has(i)) sentenceOf.set(j, i);

  const ids = idSource([...previous.blocks.flatMap((block) => [block.id, ...block.sentences.map((s) => s.id)]), ...previous.retired]);
  let flat = 0;
  const blocks: IdMapBlock[] = edited.map((block, k) => {
    const from = blockOf.get(k);
    const id = from === undefined ? ids.block(block.kind) : previous.blocks[from].id;
    const sentences: IdMapSentence[] = block.sentences.map((hashes) => {
      const i = sentenceOf.get(flat++);
      return { id: i === undefined ? ids.sentence(id) : beforeIds[i], ...hashes };
    });
    return { id, kind: block.kind, ...(block.key ? { key: block.key } : {}), sentences };
  });

  const inUse = new Set(blocks.flatMap((block) => [block.id, ...block.sentences.map((s) => s.id)]));
  const dropped = previous.blocks.flatMap((block) => [block.id, ...block.sentences.map((s) => s.id)]).filter((id) => !inUse.has(id));
  const changed = files.zh !== previous.files.zh || files.en !== previous.files.en;
  return {
    revision: changed ? previous.revision + 1 : previous.revision,
    files,
    blocks,
    retired: [...previous.retired, ...dropped],
  };
}
