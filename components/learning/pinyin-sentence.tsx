import { Children, cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import type { WordToken } from '@/lib/learning/article-words';
import { rubyCutter, type RubyRun } from '@/lib/learning/pinyin-ruby';

type Setter = (chunk: string) => ReactNode[];

/**
 * Sets a sentence's text chunk by chunk (a bold run splits it into several) as words in <ruby>. The
 * pinyin is each `<rt>`'s generated content (`content: attr(data-py)`, pinyin.css), not text: the
 * sentence's text nodes stay exactly the article's, so selections, copies and the anchoring index
 * never hold pinyin; the content's empty alternative keeps it from screen readers, which read the
 * characters.
 */
function rubySetter(tokens: readonly WordToken[]): Setter {
  const cut = rubyCutter(tokens);
  // The run before, across chunks: whether a line may break between it and the next.
  let previous: RubyRun | undefined;
  return (chunk) =>
    cut(chunk).flatMap((run, i) => {
      const breakable = mayBreakBefore(previous, run);
      previous = run;
      const word = run.pinyin ? (
        <ruby key={i}>
          {run.text}
          <rt data-py={run.pinyin} />
        </ruby>
      ) : (
        run.text
      );
      return breakable ? [<wbr key={`${i}-wbr`} />, word] : [word];
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

/**
 * Text at any depth of plain markup (a bold run, a link) gets its ruby; the elements around it stay.
 * A component's content (a translator's note) is not the sentence's text and is left alone.
 */
function withRuby(children: ReactNode, set: Setter): ReactNode {
  return Children.map(children, (child) => {
    if (typeof child === 'string') return set(child);
    if (isValidElement<{ children?: ReactNode }>(child) && typeof child.type === 'string' && child.props.children !== undefined) {
      return cloneElement(child as ReactElement<{ children?: ReactNode }>, undefined, withRuby(child.props.children, set));
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
    return <span {...props}>{tokens ? withRuby(children, rubySetter(tokens)) : children}</span>;
  };
}
