import { describe, expect, it } from 'vitest';
import { lexicon } from '@/lib/learning/lexicon';
import { segmentChinese, type Dictionary } from '@/lib/learning/segment';

const words = (text: string, dictionary: Dictionary = lexicon(), names?: Set<string>) =>
  segmentChinese(text, dictionary, names).map((token) => (token.kind === 'word' ? token.text : `${token.text}:${token.kind}`));

describe('segmentChinese, with CC-CEDICT', () => {
  it('keeps a dictionary compound the segmenter splits (北京|大学, 英伟|达)', () => {
    expect(words('北京大学')).toEqual(['北京大学']);
    expect(words('英伟达总市值')).toEqual(['英伟达', '总', '市', '值']);
  });

  it('does not let a greedy dictionary match run across a word boundary (这家公司: not 家公)', () => {
    expect(words('这家公司称')).toEqual(['这', '家', '公司', '称']);
    expect(words('大力出奇迹')).toEqual(['大力', '出', '奇迹']);
  });

  it('reads numbers with their percent and decimals as one token, and Latin words as one', () => {
    expect(words('同比增长12.3%，英伟达H800芯片')).toEqual(['同比', '增长', '12.3%:number', '，:other', '英伟达', 'H800:latin', '芯片']);
    expect(words('2024年资本支出')).toEqual(['2024:number', '年', '资本', '支出']);
  });

  it('keeps a name given by hand whole, which the segmenter would cut into characters', () => {
    expect(words('扎克伯格表示')).not.toContain('扎克伯格:name');
    expect(words('马克扎克伯格表示', lexicon(), new Set(['扎克伯格']))).toContain('扎克伯格:name');
  });

  it('covers every character of the text once, in order', () => {
    const text = '2025年1月27日，英伟达因市场担忧情绪股价下跌17%。';
    expect(
      segmentChinese(text, lexicon())
        .map((token) => token.text)
        .join(''),
    ).toBe(text);
  });
});

describe('segmentChinese, with a dictionary that lacks a word', () => {
  const tiny: Dictionary = { has: (word) => ['算', '力', '很', '强'].includes(word), longest: 4 };

  it('falls back to characters, marked as words when the dictionary has them', () => {
    expect(words('算力很强', tiny)).toEqual(['算', '力', '很', '强']);
    expect(words('算力很棒', tiny)).toContain('棒:unknown');
  });
});
