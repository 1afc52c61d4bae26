import { describe, expect, it } from 'vitest';
import { splitChineseSentences } from '@/lib/content/chinese-sentences';

describe('splitChineseSentences', () => {
  it('splits after 。！？, keeping a run of them together', () => {
    expect(splitChineseSentences('今天下雨了。你带伞了吗？！带了！')).toEqual(['今天下雨了。', '你带伞了吗？！', '带了！']);
  });

  it('does not split inside quotation marks or brackets, and ends a sentence at a quote that ends one', () => {
    expect(splitChineseSentences('他说：“好。我明天来。”然后走了。')).toEqual(['他说：“好。我明天来。”', '然后走了。']);
    expect(splitChineseSentences('他说“明天再说”，就走了。')).toEqual(['他说“明天再说”，就走了。']);
    expect(splitChineseSentences('增长35%（其中一线城市占六成。数据来自平台。）这一数字还在上升。')).toEqual([
      '增长35%（其中一线城市占六成。数据来自平台。）这一数字还在上升。',
    ]);
    expect(splitChineseSentences('详见《算力消耗惊人？》。下一句。')).toEqual(['详见《算力消耗惊人？》。', '下一句。']);
  });

  it('keeps what is left without a full stop, and drops the spaces between sentences', () => {
    expect(splitChineseSentences(' 第一句。  第二句没有句号')).toEqual(['第一句。', '第二句没有句号']);
    expect(splitChineseSentences('   ')).toEqual([]);
  });
});
