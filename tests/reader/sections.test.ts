import { describe, expect, it } from 'vitest';
import { currentSection, sectionNoteCounts, sectionOfBlocks } from '@/lib/reader/sections';

const outline = [
  { id: 'p01', heading: false },
  { id: 'h01', heading: true },
  { id: 'p02', heading: false },
  { id: 'p03', heading: false },
  { id: 'h02', heading: true },
  { id: 'p04', heading: false },
];

describe('the article’s sections', () => {
  it('puts each block after a heading in that heading’s section, and the lead in none', () => {
    expect([...sectionOfBlocks(outline)]).toEqual([
      ['h01', 'h01'],
      ['p02', 'h01'],
      ['p03', 'h01'],
      ['h02', 'h02'],
      ['p04', 'h02'],
    ]);
  });

  it('counts shared notes by sentence and the reader’s unshared ones once, leaving out the lead', () => {
    const counts = sectionNoteCounts(
      sectionOfBlocks(outline),
      { 'p01-s1': { notes: 5 }, 'p02-s1': { notes: 2 }, 'p03-s4': { notes: 1 }, 'h02-s1': { notes: 3 }, 'p99-s1': { notes: 7 } },
      [{ sentenceIds: ['p04-s2', 'p04-s3'] }, { sentenceIds: ['p02-s2'] }],
    );
    expect(Object.fromEntries(counts)).toEqual({ h01: 4, h02: 4 });
  });

  it('reads the section whose heading has passed under the reader bar', () => {
    const tops = [
      { id: 'h01', top: -400 },
      { id: 'h02', top: 60 },
      { id: 'h03', top: 900 },
    ];
    expect(currentSection(tops, 80)).toBe('h02');
    expect(currentSection(tops, 50)).toBe('h01');
    expect(currentSection([{ id: 'h01', top: 300 }], 80)).toBeUndefined();
  });
});
