import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pinyinSpan } from '@/components/learning/pinyin-sentence';

const Span = pinyinSpan({
  's-1': [['银行', 'yín háng'], ['与', 'yǔ'], ['行业', 'háng yè'], '，', ['增长', 'zēng zhǎng'], '（', ['算力', 'suàn lì'], '）。'],
});
const Note = ({ children }: { children: ReactNode }) => <span role="note">{children}</span>;

describe('a sentence with pinyin', () => {
  it('puts each word in a ruby, with a break allowed between words across a bold run, never before a comma nor after an opening bracket', () => {
    const html = renderToStaticMarkup(
      <Span className="s" data-sid="s-1">
        银行<strong>与行业</strong>，增长（算力）。
      </Span>,
    );
    expect(html).toBe(
      '<span class="s" data-sid="s-1"><ruby>银行<rt data-py="yínháng"></rt></ruby><strong><wbr/><ruby>与<rt data-py="yǔ"></rt></ruby>' +
        '<wbr/><ruby>行业<rt data-py="hángyè"></rt></ruby></strong>，<wbr/><ruby>增长<rt data-py="zēngzhǎng"></rt></ruby><wbr/>（' +
        '<ruby>算力<rt data-py="suànlì"></rt></ruby>）。</span>',
    );
  });

  it('leaves a component inside the sentence (a translator’s note) alone, and a span that is no sentence', () => {
    const html = renderToStaticMarkup(
      <>
        <Span className="s" data-sid="s-1">
          银行
          <Note>与行业</Note>
        </Span>
        <Span className="other">银行</Span>
      </>,
    );
    expect(html).toContain('<span role="note">与行业</span>');
    expect(html).toContain('<span class="other">银行</span>');
  });
});
