// The text model: the canonical text of each language, the sentences in it and across languages,
// and how a selection of it is described.
import { describe, expect, it } from 'vitest';
import { canonicalText } from '@/lib/anchoring/canonical-text';
import { alignedSentences, counterpartSentences, sentencesAt } from '@/lib/anchoring/cross-language';
import { describeOffsets } from '@/lib/anchoring/describe';
import { parseArticle } from '@/lib/content/parse-article';
import type { Block } from '@/lib/content/types';
import { articleSource, original, slug } from './support/article';

const block = (id: string, kind: Block['kind'], ...texts: string[]): Block => ({
  id,
  kind,
  index: 0,
  line: 0,
  sentences: texts.map((text, i) => ({ id: `${id}-s${i + 1}`, text, line: i })),
});

describe('canonicalText', () => {
  const blocks = [
    block('f01', 'figure'),
    block('h01', 'heading', 'Title'),
    block('p01', 'paragraph', 'One.', 'Two.'),
    block('c01', 'chart'),
  ];

  it('joins English sentences with a space and blocks with a blank line, skipping figures and charts', () => {
    const { text, sentences } = canonicalText(blocks, 'en');
    expect(text).toBe('Title\n\nOne. Two.');
    expect(sentences).toEqual([
      { id: 'h01-s1', blockId: 'h01', start: 0, end: 5 },
      { id: 'p01-s1', blockId: 'p01', start: 7, end: 11 },
      { id: 'p01-s2', blockId: 'p01', start: 12, end: 16 },
    ]);
  });

  it('joins Chinese sentences with nothing', () => {
    expect(canonicalText([block('p01', 'paragraph', '第一句。', '第二句。'), block('p02', 'paragraph', '第三句。')], 'zh').text).toBe(
      '第一句。第二句。\n\n第三句。',
    );
  });

  it('is empty for an article without text', () => {
    expect(canonicalText([block('f01', 'figure')], 'zh')).toEqual({ text: '', sentences: [] });
  });

  describe.each(['zh', 'en'] as const)('of the real article in %s', (lang) => {
    const canonical = original(lang);
    const parsed = parseArticle(articleSource(lang), slug, lang);

    it('spans every sentence of every heading and paragraph, in order, with its exact text', () => {
      const expected = parsed.blocks.filter((b) => b.kind === 'heading' || b.kind === 'paragraph').flatMap((b) => b.sentences);
      expect(canonical.sentences.map((s) => s.id)).toEqual(expected.map((s) => s.id));
      expect(canonical.sentences.map((s) => canonical.text.slice(s.start, s.end))).toEqual(expected.map((s) => s.text));
    });

    it('has nothing between sentences but the separators', () => {
      const gaps = canonical.sentences.slice(1).map((s, i) => {
        const previous = canonical.sentences[i];
        return canonical.text.slice(previous.end, s.start) + (previous.blockId === s.blockId ? '' : '|');
      });
      expect(new Set(gaps)).toEqual(new Set([lang === 'en' ? ' ' : '', '\n\n|']));
      expect(canonical.sentences[0].start).toBe(0);
      expect(canonical.sentences.at(-1)!.end).toBe(canonical.text.length);
    });

    it("leaves out translator's notes and figure captions", () => {
      expect(canonical.text).not.toContain('So in the original');
      expect(canonical.text).not.toContain('原文配图');
      expect(canonical.text).not.toContain('Original figure');
    });
  });
});

describe('sentence mapping across languages', () => {
  const zh = original('zh');
  const en = original('en');
  const span = (text: typeof zh, id: string) => text.sentences.find((s) => s.id === id)!;

  it('gives the counterparts of sentences by their shared ids, in the other text order', () => {
    const counterparts = counterpartSentences(en, ['p02-s3', 'p02-s2', 'p99-s1']);
    expect(counterparts.map((s) => s.id)).toEqual(['p02-s2', 'p02-s3']);
    expect(en.text.slice(counterparts[0].start, counterparts[0].end)).toBe(
      'The company said it had trained a model with performance close to that of OpenAI’s flagship model using only 2,048 Nvidia H800 chips and $5.5 million in training costs.',
    );
  });

  it('maps a Chinese selection across two paragraphs to the English sentences it covers', () => {
    const from = span(zh, 'p01-s5');
    const to = span(zh, 'p02-s1');
    const aligned = alignedSentences(zh, en, from.start + 3, to.start + 4);
    expect(aligned.map((s) => s.id)).toEqual(['p01-s5', 'p02-s1']);
    expect(aligned.map((s) => s.blockId)).toEqual(['p01', 'p02']);
  });

  it('maps every sentence of each language to its counterpart', () => {
    for (const s of zh.sentences) expect(alignedSentences(zh, en, s.start, s.end).map((c) => c.id)).toEqual([s.id]);
    for (const s of en.sentences) expect(alignedSentences(en, zh, s.start, s.end).map((c) => c.id)).toEqual([s.id]);
  });
});

describe('sentencesAt', () => {
  const zh = original('zh');
  const en = original('en');
  const [a, b] = zh.sentences;

  it('lists the sentences a range overlaps, touching edges excluded', () => {
    expect(sentencesAt(zh, a.start, a.end).map((s) => s.id)).toEqual(['p01-s1']);
    expect(sentencesAt(zh, a.end - 1, b.start + 1).map((s) => s.id)).toEqual(['p01-s1', 'p01-s2']);
    expect(sentencesAt(zh, 0, zh.text.length)).toHaveLength(zh.sentences.length);
  });

  it('gives the sentence at a caret: the one starting there, at the end of a block the one ending there', () => {
    expect(sentencesAt(zh, b.start, b.start).map((s) => s.id)).toEqual(['p01-s2']);
    const lastOfBlock = zh.sentences.filter((s) => s.blockId === 'p01').at(-1)!;
    expect(sentencesAt(zh, lastOfBlock.end, lastOfBlock.end).map((s) => s.id)).toEqual([lastOfBlock.id]);
    expect(sentencesAt(zh, lastOfBlock.end + 1, lastOfBlock.end + 1)).toEqual([]); // inside the blank line
    expect(sentencesAt(zh, zh.text.length, zh.text.length).map((s) => s.id)).toEqual([zh.sentences.at(-1)!.id]);
  });

  it('gives nothing for a range in a separator, or a reversed one', () => {
    const [first, second] = en.sentences;
    expect(sentencesAt(en, first.end, second.start)).toEqual([]);
    expect(sentencesAt(en, 10, 5)).toEqual([]);
  });
});

describe('describeOffsets', () => {
  const zh = original('zh');
  const en = original('en');
  const sentence = (text: typeof zh, id: string) => text.sentences.find((s) => s.id === id)!;

  it('quotes a sentence with 32 characters of context on each side', () => {
    const s = sentence(zh, 'p02-s2');
    const description = describeOffsets(zh, s.start, s.end)!;
    const [quote, position] = description.selectors;
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '这家公司称“仅用2048张英伟达H800芯片和550万美元训练成本”训练出和OpenAI旗舰模型性能接近的模型。',
      prefix: zh.text.slice(s.start - 32, s.start),
      suffix: zh.text.slice(s.end, s.end + 32),
    });
    expect(quote.prefix.endsWith('“四两拨千斤”的技术路径。')).toBe(true);
    expect(position).toEqual({ type: 'TextPositionSelector', start: s.start, end: s.end });
    expect(description.blockId).toBe('p02');
    expect(description.sentenceIds).toEqual(['p02-s2']);
  });

  it('lists every sentence a selection spans, across paragraphs; the block is where it starts', () => {
    const from = sentence(en, 'p01-s5');
    const to = sentence(en, 'p02-s2');
    const description = describeOffsets(en, from.start + 5, to.start + 10)!;
    expect(description.blockId).toBe('p01');
    expect(description.sentenceIds).toEqual(['p01-s5', 'p02-s1', 'p02-s2']);
    expect(description.selectors[0].exact).toContain('monopolist.\n\nBut in early 2025');
  });

  it('has shorter context at the edges of the text', () => {
    const start = describeOffsets(en, 0, 5)!.selectors[0];
    expect(start).toMatchObject({ exact: 'Is it', prefix: '', suffix: ' still necessary to keep investi' });
    const end = describeOffsets(en, en.text.length - 10, en.text.length)!.selectors[0];
    expect(end).toMatchObject({ exact: 'ing power.', suffix: '' });
    expect(end.prefix).toHaveLength(32);
  });

  it('trims whitespace off the selection, and refuses blank, empty or out-of-bounds ranges', () => {
    const s = sentence(en, 'p02-s1');
    const description = describeOffsets(en, s.start - 2, s.end + 1)!; // from the blank line to the space after
    expect(description.selectors[1]).toMatchObject({ start: s.start, end: s.end });
    expect(description.sentenceIds).toEqual(['p02-s1']);
    expect(describeOffsets(en, s.start - 2, s.start)).toBeNull();
    expect(describeOffsets(en, s.end, s.end + 1)).toBeNull();
    expect(describeOffsets(en, 10, 10)).toBeNull();
    expect(describeOffsets(en, 10, 5)).toBeNull();
    expect(describeOffsets(en, -1, 5)).toBeNull();
    expect(describeOffsets(en, 0, en.text.length + 1)).toBeNull();
    expect(describeOffsets(en, 0.5, 3)).toBeNull();
  });

  it('never cuts an astral character in two, in the quote or its context', () => {
    const blocks: Block[] = [
      {
        id: 'p01',
        kind: 'paragraph',
        index: 1,
        line: 1,
        sentences: [{ id: 'p01-s1', text: `${'𠮷'.repeat(40)}野家🍜好吃${'😀'.repeat(40)}`, line: 1 }],
      },
    ];
    const text = canonicalText(blocks, 'zh');
    const at = text.text.indexOf('野');
    const [quote, position] = describeOffsets(text, at - 1, at + 7)!.selectors; // both ends inside a pair
    expect(quote.exact).toBe('𠮷野家🍜好吃😀');
    expect(position).toMatchObject({ start: at - 2, end: at + 8 });
    expect([...quote.prefix]).toHaveLength(32);
    expect(quote.prefix).toBe('𠮷'.repeat(32));
    expect(quote.suffix).toBe('😀'.repeat(32));
  });
});
