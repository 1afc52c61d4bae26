import type { ArticleLang } from '@/lib/content/types';
import { joinBlocks } from './canonical-text';
import type { CanonicalText, SentenceSpan, TextRange } from './types';

/** A run of one text node that belongs to the canonical text: `node.data.slice(nodeStart, nodeStart + end - start)`. */
export type TextSegment = { node: Text; nodeStart: number; start: number; end: number };

/** The canonical text of one language as rendered in a container, with where each part of it lives. */
export type DomTextIndex = CanonicalText & {
  lang: ArticleLang;
  root: Element;
  /** In document order, which is also text order; disjoint; empty ones left out. */
  segments: TextSegment[];
  segmentOf: Map<Text, TextSegment>;
};

const NOTE = '[role="note"]';

/** Text nodes of a sentence, in order, leaving out translator's notes (not the author's text). */
function sentenceTextNodes(sentence: Element): Text[] {
  const document = sentence.ownerDocument;
  const walker = document.createTreeWalker(sentence, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode: (node) => (node.parentElement?.closest(NOTE) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** One sentence as rendered: its text nodes, and their text before trimming. */
type RenderedSentence = { id: string; blockId: string; nodes: Text[]; raw: string };

/** Where a sentence's text nodes fall in the canonical text, leaving out what trimming removed. */
function segmentsOf({ nodes, raw }: RenderedSentence, span: SentenceSpan): TextSegment[] {
  const lead = raw.length - raw.trimStart().length;
  const segments: TextSegment[] = [];
  let rawStart = 0;
  for (const node of nodes) {
    const from = Math.max(rawStart, lead);
    const to = Math.min(rawStart + node.data.length, lead + span.end - span.start);
    if (from < to) segments.push({ node, nodeStart: from - rawStart, start: span.start + from - lead, end: span.start + to - lead });
    rawStart += node.data.length;
  }
  return segments;
}

/**
 * Indexes the sentences (`.block[data-lang=lang] span.s[data-sid]`) under `container`: builds the
 * same canonical text as `canonicalText` on the parsed article (same joining code, each sentence's
 * text trimmed as the parser trims it) and records which text node holds each part of it, so
 * offsets and DOM positions convert both ways. Rebuild it when the article's DOM is replaced.
 */
export function buildDomTextIndex(container: Element, lang: ArticleLang): DomTextIndex {
  const rendered: RenderedSentence[] = [...container.querySelectorAll(`.block[data-lang="${lang}"] span.s[data-sid]`)].map((element) => {
    const nodes = sentenceTextNodes(element);
    return {
      id: element.getAttribute('data-sid') ?? '',
      blockId: element.closest('.block')?.getAttribute('data-block') ?? '',
      nodes,
      raw: nodes.map((node) => node.data).join(''),
    };
  });
  const blocks: { id: string; sentences: { id: string; text: string }[] }[] = [];
  for (const { id, blockId, raw } of rendered) {
    if (blocks.at(-1)?.id !== blockId) blocks.push({ id: blockId, sentences: [] });
    blocks.at(-1)!.sentences.push({ id, text: raw.trim() });
  }
  const canonical = joinBlocks(blocks, lang);
  const segments = rendered.flatMap((sentence, i) => segmentsOf(sentence, canonical.sentences[i]));
  return { ...canonical, lang, root: container, segments, segmentOf: new Map(segments.map((segment) => [segment.node, segment])) };
}

/** Index of the last segment starting at or before `offset`, or -1. */
function lastStartingAtOrBefore(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

const clamp = (offset: number, length: number) => (Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), length) : 0);

/**
 * The DOM Range holding `[start, end)` of the index's text. An end that falls in the gap between
 * sentences or blocks is pulled back to the end of the text before it, a start pushed on to the
 * text after, so the range starts and ends inside text nodes (what a highlighter wraps). Offsets
 * are clamped to the text; when they cover no text (empty, or only a separator) the range is
 * collapsed (`range.collapsed`): check that before drawing.
 */
export function offsetsToRange(index: DomTextIndex, start: number, end: number): Range {
  const { segments } = index;
  // Few Range calls: each one validates and compares boundary points (slow in happy-dom).
  const range = index.root.ownerDocument.createRange();
  start = clamp(start, index.text.length);
  end = clamp(end, index.text.length);

  let first = lastStartingAtOrBefore(segments, start);
  if (first < 0 || start >= segments[first].end) first++;
  const head = segments[first];
  const last = lastStartingAtOrBefore(segments, end - 1);
  if (head && start < end && last >= first) {
    const tail = segments[last];
    range.setEnd(tail.node, tail.nodeStart + Math.min(end, tail.end) - tail.start);
  }
  // Setting the start past the end collapses the range there.
  if (head) range.setStart(head.node, head.nodeStart + Math.max(0, start - head.start));
  else range.setStart(index.root, index.root.childNodes.length);
  return range;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** Whether `node` starts at or after the boundary point (container, offset). */
function isAtOrAfter(node: Node, container: Node, offset: number): boolean {
  // In a text or comment node, the offset counts characters; in anything else, children.
  const hasChildren = container.nodeType === 1 || container.nodeType === 9 || container.nodeType === 11;
  if (!hasChildren) return (container.compareDocumentPosition(node) & FOLLOWING) !== 0;
  const child = container.childNodes[offset];
  if (child) return node === child || (child.compareDocumentPosition(node) & FOLLOWING) !== 0;
  const position = container.compareDocumentPosition(node);
  return (position & FOLLOWING) !== 0 && (position & CONTAINED_BY) === 0;
}

/** Index of the first segment whose text node lies after the boundary point. */
function firstSegmentAfter(segments: readonly TextSegment[], container: Node, offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAtOrAfter(segments[mid].node, container, offset)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The text offset of a boundary point; outside the indexed text, the nearest text `forward` or back. */
function pointToOffset(index: DomTextIndex, container: Node, offset: number, forward: boolean): number | null {
  const own = index.segmentOf.get(container as Text);
  if (own) return own.start + Math.min(Math.max(offset - own.nodeStart, 0), own.end - own.start);
  const next = firstSegmentAfter(index.segments, container, offset);
  if (forward) return next < index.segments.length ? index.segments[next].start : null;
  return next > 0 ? index.segments[next - 1].end : null;
}

/** The language of the block a node is in, if any. */
function blockLang(node: Node): string | null | undefined {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest('.block[data-lang]')?.getAttribute('data-lang');
}

/**
 * The offsets, in the index's text, of a DOM Range (usually the reader's selection). A boundary in
 * a separator, a translator's note, a toggle button or outside the blocks moves to the nearest
 * text inside the range. Null when the range holds none of this language's text, or when a
 * boundary is in the other language's block (a selection dragged across both columns: ask the
 * index of the language where it starts, after clipping it, if it should count).
 */
export function rangeToOffsets(index: DomTextIndex, range: Range): TextRange | null {
  for (const node of [range.startContainer, range.endContainer]) {
    const lang = blockLang(node);
    if (lang && lang !== index.lang) return null;
  }
  const start = pointToOffset(index, range.startContainer, range.startOffset, true);
  const end = pointToOffset(index, range.endContainer, range.endOffset, false);
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}
