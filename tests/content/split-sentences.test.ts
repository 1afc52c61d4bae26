import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { sentenceText, splitAtLineBreaks } from '@/lib/content/split-sentences';

function paragraph(markdown: string): Paragraph {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(markdown);
  return tree.children[0] as Paragraph;
}

const texts = (markdown: string) => splitAtLineBreaks(paragraph(markdown).children).map(sentenceText);

describe('splitAtLineBreaks', () => {
  it('makes one sentence per source line', () => {
    expect(texts('第一句。\n第二句？\n第三句！')).toEqual(['第一句。', '第二句？', '第三句！']);
  });

  it('cuts bold that spans lines into one bold piece per sentence', () => {
    const segments = splitAtLineBreaks(paragraph('**多买算力，有浪费的可能。\n加大投资，才能拥有更高胜率。**\n其后。').children);
    expect(segments.map(sentenceText)).toEqual(['多买算力，有浪费的可能。', '加大投资，才能拥有更高胜率。', '其后。']);
    expect(segments.map((segment) => segment[0].type)).toEqual(['strong', 'strong', 'text']);
  });

  it('leaves a CommonMark-unclosable bold as literal asterisks (the checker reports them)', () => {
    // `。**其`: a closing run after punctuation must be followed by space or punctuation.
    expect(texts('**加大投资。**其后。')).toEqual(['**加大投资。**其后。']);
  });

  it('keeps links and emphasis inside one line whole', () => {
    const segments = splitAtLineBreaks(paragraph('See [the *original*](https://example.com) here.\nNext.').children);
    expect(segments).toHaveLength(2);
    expect(segments[0][1]).toMatchObject({ type: 'link', url: 'https://example.com' });
    expect(sentenceText(segments[0])).toBe('See the original here.');
  });

  it('leaves translator notes out of the sentence text', () => {
    expect(texts('It cost $32 million. <TranslatorNote>Should read $320 billion.</TranslatorNote>')).toEqual(['It cost $32 million. ']);
  });
});
