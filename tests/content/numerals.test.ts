import { describe, expect, it } from 'vitest';
import { chineseNumbers, englishNumbers, missingNumbers } from '@/lib/content/numerals';

describe('numerals', () => {
  it('reads numbers with their Chinese units', () => {
    expect(chineseNumbers('资本支出756亿美元，约合1.8万亿元，仅用550万美元，2月10日')).toEqual([
      { raw: '756亿', value: 756, unit: '亿' },
      { raw: '1.8万亿', value: 1.8, unit: '万亿' },
      { raw: '550万', value: 550, unit: '万' },
      { raw: '2月', value: 2, unit: '月' },
      { raw: '10', value: 10, unit: '' },
    ]);
  });

  it('ignores thousands separators in English', () => {
    expect([...englishNumbers('2,048 chips and $1,000,000')]).toEqual([2048, 1000000]);
  });

  it('accepts the listed conversions', () => {
    expect(missingNumbers('756亿美元、2431亿美元', '$75.6 billion and $243.1 billion')).toEqual([]);
    expect(missingNumbers('1亿美元以上合同', 'contracts worth over $100 million')).toEqual([]);
    expect(missingNumbers('约合1.8万亿元', 'about 1.8 trillion yuan')).toEqual([]);
    expect(missingNumbers('550万美元', '$5.5 million')).toEqual([]);
    expect(missingNumbers('2025年1月27日', '27 January 2025')).toEqual([]);
    expect(missingNumbers('英伟达股价133.6亿美元', 'a share price of $13.36 billion')).toEqual([]);
  });

  it('names what a translation lost or converted wrongly', () => {
    expect(missingNumbers('756亿美元', '$756 billion').map((n) => n.raw)).toEqual(['756亿']);
    expect(missingNumbers('550万美元', '$550').map((n) => n.raw)).toEqual(['550万']);
    expect(missingNumbers('增长83%、62%', 'up 83% and 26%').map((n) => n.raw)).toEqual(['62']);
    expect(missingNumbers('2月10日', '10 March').map((n) => n.raw)).toEqual(['2月']);
  });
});
