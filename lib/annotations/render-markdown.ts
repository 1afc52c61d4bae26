import type { Html } from 'mdast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML in a note is shown as the text it is (never parsed as HTML), then GitHub's sanitising
// schema strips anything else unsafe (javascript: links and the like), then every link gets
// rel="noopener nofollow ugc" (added after sanitising so it cannot be stripped or overridden).
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { handlers: { html: (_state, node: Html) => ({ type: 'text', value: node.value }) } })
  .use(rehypeSanitize)
  .use(rehypeExternalLinks, { rel: ['noopener', 'nofollow', 'ugc'], target: '_blank', test: () => true })
  .use(rehypeStringify);

/** A note's Markdown as safe HTML. */
export function renderNoteMarkdown(markdown: string): string {
  if (markdown.trim() === '') return '';
  return String(processor.processSync(markdown));
}
