import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '@/lib/anchoring/anchor';
import { describeOffsets } from '@/lib/anchoring/describe';
import type { CanonicalText, SentenceSpan } from '@/lib/anchoring/types';
import { parseArticle } from '@/lib/content/parse-article';
import type { ArticleLang } from '@/lib/content/types';
import { edited, editedSource, firstRevision, seededRandom, slug } from './support/article';

/** What tests/fixtures/edited changes, sentence by sentence (the moved paragraph is found by its first sentence). */
const edits: Record<ArticleLang, { moved: string; reworded: [string, string][]; deleted: string[]; inserted: string; duplicate: string }> =
  {
    zh: {
      moved: '中国AI创业公司DeepSeek被认为是这种担忧情绪的导火索。',
      reworded: [
        [
          '大型科技公司通常每年60%以上的资本支出被用于投资算力',
          '大型科技公司通常每年60%以上的资本支出会用于投资算力，如采购芯片、服务器、网络设备、租用土地、建设数据中心。',
        ],
        ['扎克伯格说', '扎克伯格表示，现在很多公司都在过度建设。'],
        ['每一轮技术周期都会带来一轮', '每一轮技术周期都会带来新一轮高强度的资本支出。'],
        ['减少算力投资会带来', '减少算力投资反而会带来更大的风险。'],
      ],
      deleted: ['当市场需求扩张时，科技公司会加快算力采购。', '截至2024年四季度，微软AI业务年化收入超过130亿美元，同比增长175%。'],
      inserted: '这意味着算力需求仍在快速增长。',
      duplicate: '截至2024年四季度，微软AI业务年化收入超过130亿美元（',
    },
    en: {
      moved: 'The Chinese AI start-up DeepSeek is seen as the trigger for this anxiety.',
      reworded: [
        [
          'Large tech companies typically',
          'Large tech companies usually spend more than 60% of their capex each year on computing power, such as buying chips, servers and network equipment, leasing land and building data centres.',
        ],
        ['Zuckerberg said that many', 'Zuckerberg said that a lot of companies are now overbuilding.'],
        ['Each technology cycle brings a round', 'Each technology cycle brings a new round of heavy capex.'],
        [
          'Reducing investment in computing power would bring',
          'Reducing investment in computing power would actually bring greater risks.',
        ],
      ],
      deleted: [
        'When market demand is expanding, tech companies speed up their purchases of computing power.',
        'As of the fourth quarter of 2024, Microsoft’s AI business had annualised revenue of more than $13 billion, up 175% year on year.',
      ],
      inserted: 'This means that demand for computing power is still growing fast.',
      duplicate: 'As of the fourth quarter of 2024, Microsoft’s AI business had annualised revenue of more than $13 billion (',
    },
  };

const textOf = (canonical: CanonicalText, s: SentenceSpan) => canonical.text.slice(s.start, s.end);
const describeSentences = (canonical: CanonicalText, from: SentenceSpan, to = from) =>
  describeOffsets(canonical, from.start, to.end)!.selectors;

describe.each(['zh', 'en'] as const)('re-anchoring on the edited %s article', (lang) => {
  const before = firstRevision(lang);
  const after = edited(lang);
  const edit = edits[lang];
  const movedBlock = before.sentences.find((s) => textOf(before, s) === edit.moved)!.blockId;
  const isReworded = (s: SentenceSpan) => edit.reworded.some(([start]) => textOf(before, s).startsWith(start));
  const isDeleted = (s: SentenceSpan) => edit.deleted.includes(textOf(before, s));
  const firstEdit = after.text.indexOf(edit.inserted);

  it('is the edit the fixture claims: moved, reworded, deleted, inserted, one figure less', () => {
    const figures = (source: string) => parseArticle(source, slug, lang).blocks.filter((b) => b.kind === 'figure').length;
    expect(figures(editedSource(lang))).toBe(14);
    expect(after.text.indexOf(edit.moved)).toBeGreaterThan(before.text.indexOf(edit.moved) + 500);
    for (const [, rewording] of edit.reworded) expect(after.text).toContain(rewording);
    for (const deleted of edit.deleted) expect(after.text).not.toContain(deleted);
    expect(before.text).not.toContain(edit.inserted);
    expect(firstEdit).toBeGreaterThan(500);
  });

  it('finds every kept sentence with its text: by position before the first edit, by quote after', () => {
    for (const s of before.sentences.filter((s) => !isReworded(s) && !isDeleted(s))) {
      const anchor = anchorSelectors(after.text, describeSentences(before, s));
      expect(anchor, textOf(before, s)).not.toBeNull();
      expect(after.text.slice(anchor!.start, anchor!.end)).toBe(textOf(before, s));
      expect(anchor!.method).toBe(s.end <= firstEdit ? 'position' : 'quote');
    }
  });

  it('finds the moved paragraph, whole and sentence by sentence', () => {
    const sentences = before.sentences.filter((s) => s.blockId === movedBlock);
    const whole = anchorSelectors(after.text, describeSentences(before, sentences[0], sentences.at(-1)))!;
    expect(whole.method).toBe('quote');
    expect(after.text.slice(whole.start, whole.end)).toBe(before.text.slice(sentences[0].start, sentences.at(-1)!.end));
    expect(whole.start).toBe(after.text.indexOf(edit.moved));
    for (const s of sentences) {
      const anchor = anchorSelectors(after.text, describeSentences(before, s))!;
      expect(anchor.method).toBe('quote');
      expect(anchor.start - whole.start).toBe(s.start - sentences[0].start);
    }
  });

  it('finds reworded sentences by fuzzy quote, with their new text', () => {
    for (const [start, rewording] of edit.reworded) {
      const s = before.sentences.find((s) => textOf(before, s).startsWith(start))!;
      const anchor = anchorSelectors(after.text, describeSentences(before, s))!;
      expect(anchor).toMatchObject({ method: 'fuzzy' });
      expect(after.text.slice(anchor.start, anchor.end)).toBe(rewording);
    }
  });

  it('finds a selection spanning a reworded sentence and its neighbours, with the new text', () => {
    const i = before.sentences.findIndex((s) => textOf(before, s).startsWith(edit.reworded[2][0]));
    const anchor = anchorSelectors(after.text, describeSentences(before, before.sentences[i - 1], before.sentences[i + 1]))!;
    expect(anchor.method).toBe('fuzzy');
    const expected = `${textOf(before, before.sentences[i - 1])}${lang === 'en' ? ' ' : ''}${edit.reworded[2][1]}`;
    expect(after.text.slice(anchor.start, anchor.end).startsWith(expected)).toBe(true);
  });

  it('leaves deleted sentences orphaned', () => {
    for (const s of before.sentences.filter(isDeleted)) expect(anchorSelectors(after.text, describeSentences(before, s))).toBeNull();
  });

  it('never anchors a part of a deleted sentence to other text', () => {
    const [unique, duplicated] = edit.deleted.map((text) => before.sentences.find((s) => textOf(before, s) === text)!);
    // The earlier sentence that the second deleted one repeats nearly word for word.
    const duplicate = after.sentences.find((s) => textOf(after, s).startsWith(edit.duplicate))!;
    let sharedWithDuplicate = 0;
    for (const s of [unique, duplicated]) {
      for (const length of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]) {
        for (let start = s.start; start + length <= s.end; start += lang === 'en' ? 3 : 1) {
          const description = describeOffsets(before, start, start + length);
          if (!description) continue;
          const anchor = anchorSelectors(after.text, description.selectors);
          if (s === unique || !anchor) expect(anchor, description.selectors[0].exact).toBeNull();
          // What the duplicate shares with the deleted sentence, word for word and in the same context, may anchor there.
          else {
            expect(anchor.start >= duplicate.start && anchor.end <= duplicate.end, description.selectors[0].exact).toBe(true);
            sharedWithDuplicate++;
          }
        }
      }
    }
    // In English the shared words are long enough to be trusted; the case is exercised.
    if (lang === 'en') expect(sharedWithDuplicate).toBeGreaterThan(0);
  });

  it('anchors random selections in unchanged paragraphs to the same text, rarely orphaning one', () => {
    const changed = new Set(before.sentences.filter((s) => isReworded(s) || isDeleted(s)).map((s) => s.blockId));
    const blocks = [...new Set(before.sentences.map((s) => s.blockId))].filter((id) => !changed.has(id));
    const random = seededRandom(lang === 'zh' ? 3 : 4);
    let orphans = 0;
    const count = 300;
    for (let i = 0; i < count; i++) {
      const blockId = blocks[Math.floor(random() * blocks.length)];
      const sentences = before.sentences.filter((s) => s.blockId === blockId);
      const from = sentences[0].start;
      const blockText = before.text.slice(from, sentences.at(-1)!.end);
      const newFrom = after.text.indexOf(blockText);
      expect(newFrom, blockText).toBeGreaterThanOrEqual(0);
      const start = from + Math.floor(random() * blockText.length);
      const description = describeOffsets(before, start, Math.min(from + blockText.length, start + 1 + Math.floor(random() * 80)));
      if (!description) continue;
      const anchor = anchorSelectors(after.text, description.selectors);
      if (!anchor) orphans++;
      else expect(anchor.start - newFrom).toBe(description.selectors[1].start - from);
    }
    expect(orphans).toBeLessThan(count * 0.03);
  });
});
