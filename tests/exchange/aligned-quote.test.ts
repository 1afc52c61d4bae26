import { describe, expect, it } from 'vitest';
import { alignedQuote } from '@/lib/exchange/aligned-quote';
import { claim, comment, highlight, note } from './fixtures';

describe('alignedQuote', () => {
  it('gives the Chinese sentence aligned with an English quote', () => {
    expect(alignedQuote(comment)).toBe('英伟达是算力投资最大受益者。');
  });

  it('runs Chinese sentences together', () => {
    expect(alignedQuote(highlight)).toBe('是否有必要继续大规模投资算力？中国AI创业公司DeepSeek爆火后，投资者对大规模算力投资一度担忧。');
  });

  it('joins English sentences with a space', () => {
    expect(alignedQuote({ ...claim, sentenceIds: ['p01-s4', 'p01-s5'] })).toBe(
      'Nvidia has been the biggest beneficiary of investment in computing power. That is because Chinese and US tech companies alike are buying AI chips on a massive scale, and Nvidia is close to being a monopolist.',
    );
  });

  it('is empty when the other text has none of the sentences', () => {
    expect(alignedQuote({ ...note('x', 'en', 'Nvidia'), sentenceIds: ['p999-s1'] })).toBe('');
  });
});
