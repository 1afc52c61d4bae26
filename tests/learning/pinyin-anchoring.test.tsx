// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildDomTextIndex, offsetsToRange, rangeToOffsets } from '@/lib/anchoring/dom-text-index';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { articleSource, slug } from '../anchoring/support/article';
import { renderArticleBody } from '../anchoring/support/render-article';

const sources = { zh: articleSource('zh'), en: articleSource('en') };

describe('the Chinese article with pinyin over it', () => {
  it('has the same text, sentences and offsets for anchoring as without: the pinyin is no text of the page', async () => {
    const plain = buildDomTextIndex(await renderArticleBody(sources), 'zh');
    const container = await renderArticleBody(sources, { pinyin: readArticleWords(slug)!.sentences });
    const rubies = container.querySelectorAll('.block[data-lang="zh"] span.s ruby');
    expect(rubies.length).toBeGreaterThan(2000);
    expect(container.querySelectorAll('rt[data-py]:empty')).toHaveLength(rubies.length);
    expect(container.querySelector('ruby')!.outerHTML).toMatch(
      /^<ruby>[^<]+<rt data-py="[a-zü'&#x27;;āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+"><\/rt><\/ruby>$/,
    );

    // Each word may start a line, but no line starts with a comma (a <wbr> holds no text).
    const sentence = container.querySelector('.block[data-lang="zh"] [data-sid="p01-s2"]')!.innerHTML;
    expect(sentence).toContain('</ruby><wbr><ruby>');
    expect(sentence).not.toMatch(/<wbr>[，。]/);

    const index = buildDomTextIndex(container, 'zh');
    expect(index.text).toBe(plain.text);
    expect(index.sentences).toEqual(plain.sentences);
    // A passage that starts and ends inside words, across several <ruby>: the same offsets both ways.
    for (const sentence of index.sentences.filter((_, i) => i % 7 === 3)) {
      const [start, end] = [sentence.start + 1, sentence.end - 1];
      const range = offsetsToRange(index, start, end);
      expect(range.toString()).toBe(index.text.slice(start, end));
      expect(rangeToOffsets(index, range)).toEqual({ start, end });
    }
  });
});
