/**
 * A sentence's own text in the page, as offsets into it: what the word list (words.json) counts
 * in. Ruby annotations and translator's notes inside a sentence are not its text.
 */
const notText = 'rt, rp, .translator-note, button';

export function sentenceTextNodes(sentence: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(notText) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Where a point in a text node falls in its sentence's text; undefined outside it. */
export function offsetInSentence(sentence: Element, node: Node, offset: number): number | undefined {
  let before = 0;
  for (const text of sentenceTextNodes(sentence)) {
    if (text === node) return before + offset;
    before += text.data.length;
  }
}

/** The range of the sentence's text from `start` to `end`, across its text nodes. */
export function rangeInSentence(sentence: Element, start: number, end: number): Range | undefined {
  const range = document.createRange();
  let before = 0;
  let started = false;
  for (const text of sentenceTextNodes(sentence)) {
    const after = before + text.data.length;
    if (!started && start < after) {
      range.setStart(text, start - before);
      started = true;
    }
    if (started && end <= after) {
      range.setEnd(text, end - before);
      return range;
    }
    before = after;
  }
}

export const sentenceText = (sentence: Element) =>
  sentenceTextNodes(sentence)
    .map((text) => text.data)
    .join('');

/** The text position under a point, in browsers with either API. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}
