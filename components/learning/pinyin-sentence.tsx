import { Children, cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import type { WordToken } from '@/lib/learning/article-words';
import { rubyCutter, type RubyRun } from '@/lib/learning/pinyin-ruby';

/**
 * The pinyin is the `<rt>`'s generated content (`content: attr(data-py)`, word-card.css), not text:
 * the sentence's text nodes stay exactly the article's, so selections, copies and the anchoring
 * index never hold pinyin; screen readers read the characters, not the syllables.
 */
function rubyOf(runs: RubyRun[]): ReactNode[] {
  return runs.flatMap((run, i) => {
    const word = run.pinyin ? (
      <ruby key={i}>
        {run.text}
        <rt data-py={run.pinyin} aria-hidden="true" />
      </ruby>
    ) : (
      run.text
    );
    return mayBreakBefore(runs[i - 1], run) ? [<wbr key={`${i}-wbr`} />, word] : [word];
  });
}

/** Punctuation a line may not start with (after a word), and may not end with (before one). */
const closing = /^[，。、；：？！）”’》」』】〕%…—,.;:?!)\]]/u;
const opening = /[（“‘《「『【〔(\[]$/u;

/**
 * A word in <ruby> keeps to one line (pinyin.css), and Chromium then finds no line break between
 * two of them: each word gets an explicit opportunity (<wbr>, no text) where Chinese allows one.
 */
function mayBreakBefore(previous: RubyRun | undefined, run: RubyRun): boolean {
  if (!previous || (!previous.pinyin && !run.pinyin)) return false;
  if (run.pinyin) return previous.pinyin !== undefined || !opening.test(previous.text);
  return !closing.test(run.text);
}

/** Text at any depth (a bold run, a link) gets its ruby; the elements around it stay. */
function withRuby(children: ReactNode, cut: (chunk: string) => RubyRun[]): ReactNode {
  return Children.map(children, (child) => {
    if (typeof child === 'string') return rubyOf(cut(child));
    if (isValidElement<{ children?: ReactNode }>(child) && child.props.children !== undefined) {
      return cloneElement(child as ReactElement<{ children?: ReactNode }>, undefined, withRuby(child.props.children, cut));
    }
    return child;
  });
}

/**
 * The MDX `span` of a Chinese article with pinyin on: a sentence (`span.s[data-sid]`) has its words
 * in `<ruby>`, read as the article's word list reads them there; any other span is left alone.
 */
export function pinyinSpan(sentences: Record<string, WordToken[]>) {
  return function PinyinSpan({ children, ...props }: ComponentProps<'span'> & { 'data-sid'?: string }) {
    const tokens = props['data-sid'] ? sentences[props['data-sid']] : undefined;
    return <span {...props}>{tokens ? withRuby(children, rubyCutter(tokens)) : children}</span>;
  };
}
