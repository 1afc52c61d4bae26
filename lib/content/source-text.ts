import matter from 'gray-matter';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ParsedArticle } from './parse-article';

type Piece = { text: string; line: number; label: string };

/** Whitespace and Markdown asterisks are layout, not text: the comparison ignores them. */
const normalise = (text: string) => text.replace(/[\s*]/g, '');

function excerpt(text: string, at: number) {
  return text.slice(Math.max(0, at - 8), at + 12);
}

/**
 * Compares the Chinese article with the original it was made from: every character, number and
 * punctuation mark of the original must be there, in order, nothing added. The byline, editor lines
 * and source link live in the frontmatter; they are compared in the places the original has them.
 * Returns the first difference, or undefined when the text is verbatim.
 */
export function sourceTextMatches(original: string, zh: ParsedArticle): { line: number; message: string } | undefined {
  const { content, data } = matter(original);
  if (data.title !== zh.meta.title) return { line: 2, message: `title differs from the original ("${data.title}")` };

  const expected = normalise(toString(unified().use(remarkParse).parse(content), { includeImageAlt: false }));
  const meta = zh.meta as ParsedArticle['meta'] & Record<string, string>;
  const pieces: Piece[] = [
    ...['summary', 'byline', 'editorLine'].map((key) => ({ text: meta[key] ?? '', line: 1, label: `frontmatter ${key}` })),
    ...zh.blocks.flatMap((block) => block.sentences.map((s) => ({ text: s.text, line: s.line, label: s.id }))),
    ...['dutyEditorLine', 'sourceName'].map((key) => ({ text: meta[key] ?? '', line: 1, label: `frontmatter ${key}` })),
  ];

  let offset = 0;
  for (const piece of pieces) {
    const text = normalise(piece.text);
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== expected[offset + i]) {
        return {
          line: piece.line,
          message: `${piece.label} differs from the original: original has "${excerpt(expected, offset + i)}", article has "${excerpt(text, i)}"`,
        };
      }
    }
    offset += text.length;
  }
  if (offset < expected.length) {
    return { line: pieces.at(-1)?.line ?? 1, message: `the original continues with "${excerpt(expected, offset)}" that the article lacks` };
  }
  return undefined;
}
