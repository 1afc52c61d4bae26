import { describe, expect, it } from 'vitest';
import { claimsQueryOf, consensusOf, sentencePlaces } from '@/lib/annotations/claims';
import { readParsedArticle } from '@/lib/content/article-files';

describe('the claims view, pure parts', () => {
  it('calls a verdict the consensus at 60% of the votes, and readers split below', () => {
    expect(consensusOf({ supported: 3, disputed: 2, false: 0, unverified: 0 })).toEqual({ consensus: 'supported', dissent: 2 });
    expect(consensusOf({ supported: 1, disputed: 1, false: 1, unverified: 0 })).toEqual({ consensus: 'split', dissent: 2 });
    expect(consensusOf({ supported: 0, disputed: 0, false: 0, unverified: 0 })).toEqual({ consensus: 'unverified', dissent: 0 });
    expect(consensusOf({ supported: 0, disputed: 0, false: 2, unverified: 0 })).toEqual({ consensus: 'false', dissent: 0 });
  });

  it('reads the address leniently: anything malformed is left out', () => {
    expect(claimsQueryOf({ consensus: 'false', section: '2', sort: 'contested', page: '3' }, 5)).toEqual({
      consensus: 'false',
      section: 2,
      sort: 'contested',
      page: 3,
    });
    expect(claimsQueryOf({ consensus: 'maybe', section: '99', sort: 'x', page: '-1' }, 5)).toEqual({
      consensus: undefined,
      section: undefined,
      sort: 'reading',
      page: 1,
    });
    expect(claimsQueryOf({ consensus: ['false', 'split'], section: '', page: '1e9' }, 5)).toEqual({
      consensus: undefined,
      section: undefined,
      sort: 'reading',
      page: 1,
    });
  });

  it('places every sentence of the article in reading order, under its section', () => {
    const places = sentencePlaces(readParsedArticle('deepseek-capex', 'zh').blocks);
    const orders = [...places.values()].map((p) => p.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(places.get('p01-s1')).toMatchObject({ blockId: 'p01', section: 0 });
    expect(Math.max(...[...places.values()].map((p) => p.section))).toBeGreaterThanOrEqual(2);
  });
});
