import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/content/parse-article';

const front = `---
title: T
summary: S
date: "2025-02-11T18:46:02+08:00"
publication: P
byline: B
author: A
sourceUrl: https://example.com
---
`;

describe('parseArticle', () => {
  it('numbers blocks per kind and sentences per block', () => {
    const { blocks, problems } = parseArticle(
      `${front}\n<Figure n={1} src="https://img.example/1" alt="a" caption="c" />\n\n第一段第一句。\n第一段第二句。\n\n## 小标题\n\n<Chart name="capex" />\n\n第二段。\n`,
      'demo',
      'zh',
    );
    expect(problems).toEqual([]);
    expect(blocks.map((b) => `${b.index}:${b.id}:${b.kind}`)).toEqual([
      '1:f01:figure',
      '2:p01:paragraph',
      '3:h01:heading',
      '4:c01:chart',
      '5:p02:paragraph',
    ]);
    expect(blocks[1].sentences.map((s) => [s.id, s.text, s.line])).toEqual([
      ['p01-s1', '第一段第一句。', 13],
      ['p01-s2', '第一段第二句。', 14],
    ]);
    expect(blocks[0].key).toBe('Figure n=1 src=https://img.example/1');
    expect(blocks[3].key).toBe('Chart name=capex');
  });

  it('reports blocks the reader cannot align, and missing metadata', () => {
    const { problems } = parseArticle(`---\ntitle: T\n---\n\n- a list\n\n> a quote\n`, 'demo', 'en');
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(['unsupported block "list"', 'unsupported block "blockquote"', 'frontmatter "summary" is missing']),
    );
    expect(problems.find((p) => p.message.includes('list'))?.line).toBe(5);
  });

  it('keeps the text of a translator\'s note marked as a correction with its sentence, and no other note', () => {
    const { blocks, problems } = parseArticle(
      `${front}\nIt cost $320 billion [given as $32 million in the original]. <TranslatorNote correction>The original reads **3200万美元**.</TranslatorNote>\nA light touch. <TranslatorNote>An idiom.</TranslatorNote>\n`,
      'demo',
      'en',
    );
    expect(problems).toEqual([]);
    expect(blocks[0].sentences.map((s) => [s.text, s.correction])).toEqual([
      ['It cost $320 billion [given as $32 million in the original].', 'The original reads 3200万美元.'],
      ['A light touch.', undefined],
    ]);
  });
});
