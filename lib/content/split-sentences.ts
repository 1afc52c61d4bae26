import type { PhrasingContent } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';

/**
 * Splits a paragraph's inline content at its line breaks. Our MDX convention is one sentence per
 * source line, so each returned segment is one sentence. Emphasis or links that span lines are
 * cut into one copy per segment, so every sentence is a well-formed tree of its own.
 */
export function splitAtLineBreaks(nodes: readonly PhrasingContent[]): PhrasingContent[][] {
  const segments: PhrasingContent[][] = [[]];
  const current = () => segments[segments.length - 1];

  for (const node of nodes) {
    if (node.type === 'text') {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) segments.push([]);
        if (part) current().push({ type: 'text', value: part });
      });
    } else if ('children' in node && node.children.length > 0) {
      splitAtLineBreaks(node.children as PhrasingContent[]).forEach((inner, i) => {
        if (i > 0) segments.push([]);
        if (inner.length) current().push({ ...node, children: inner } as PhrasingContent);
      });
    } else {
      current().push(node);
    }
  }
  return segments.filter((segment) => segment.length > 0);
}

/** The text of the translator's note marked `correction` in a sentence, if it has one. */
export function correctionText(nodes: readonly PhrasingContent[]): string | undefined {
  for (const node of nodes) {
    if (node.type === 'mdxJsxTextElement' && node.name === 'TranslatorNote') {
      if (node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === 'correction')) {
        return plainText(node.children as PhrasingContent[]).trim();
      }
    } else if ('children' in node) {
      const found = correctionText(node.children as PhrasingContent[]);
      if (found) return found;
    }
  }
  return undefined;
}

function plainText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if ('children' in node) text += plainText(node.children as PhrasingContent[]);
  }
  return text;
}

/** Plain text of inline content, leaving out translator's notes (they are not the author's text). */
export function sentenceText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'mdxJsxTextElement' && node.name === 'TranslatorNote') continue;
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if ('children' in node) text += sentenceText(node.children as PhrasingContent[]);
  }
  return text;
}
