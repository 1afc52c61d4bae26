// A note's source URL in the Markdown export is a link and nothing more, whatever was stored: a
// stored `>`, blank or line break must not end the autolink and let the rest be read as Markdown
// (a javascript: link, a heading), as `Source: <${sourceUrl}>` written raw allowed.
import type { Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '@/lib/exchange/markdown';
import { httpHref } from '@/lib/exchange/safe-link';
import { claim } from './fixtures';

const exported = (sourceUrl: string) => toMarkdown([{ ...claim, replies: [], sourceUrl }], { title: 'T' });

/** Every link a CommonMark reader finds in the document, and whether it found a heading `Owned`. */
function read(markdown: string) {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const links: string[] = [];
  let owned = false;
  visit(tree, (node) => {
    if (node.type === 'link') links.push((node as Link).url);
    if (node.type === 'heading' && JSON.stringify(node).includes('Owned')) owned = true;
  });
  return { links, owned };
}

const hostile = {
  'a > and a Markdown link': 'https://example.com/a>[x](javascript:alert(1))',
  'a space': 'https://example.com/a b> [x](javascript:alert(1))',
  'a line break and a heading': 'https://example.com/a\n\n# Owned\n\n[x](javascript:alert(1))',
  'quotes and angle brackets in the query': 'https://example.com/?q="<script>"',
};

describe('the source link in the Markdown export', () => {
  it.each(Object.entries(hostile))('stays one http(s) link with %s in the stored URL', (_name, url) => {
    const markdown = exported(url);
    const { links, owned } = read(markdown);
    expect(links).toEqual([new URL(url).href]);
    expect(owned).toBe(false);
    expect(markdown).toContain(`Source: <${new URL(url).href}>\n`);
  });

  it('percent-encodes what would end the link', () => {
    expect(exported(hostile['a > and a Markdown link'])).toContain('Source: <https://example.com/a%3E[x](javascript:alert(1))>');
    expect(exported(hostile['a space'])).toContain('Source: <https://example.com/a%20b%3E%20[x](javascript:alert(1))>');
  });

  it('leaves out a source that is not an http(s) URL', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', '//example.com/x']) {
      const markdown = exported(url);
      expect(markdown).not.toContain('Source:');
      expect(read(markdown).links).toEqual([]);
    }
  });

  it('keeps an ordinary link as it was', () => {
    expect(exported('https://arxiv.org/abs/2412.19437')).toContain('Source: <https://arxiv.org/abs/2412.19437>\n');
    expect(httpHref('http://example.com/路径?q=1')).toBe('http://example.com/%E8%B7%AF%E5%BE%84?q=1');
  });
});
