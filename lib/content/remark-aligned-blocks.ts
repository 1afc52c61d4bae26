import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import type { IdMapBlock } from './id-map';
import { correctionText, sentenceText, splitAtLineBreaks } from './split-sentences';
import { blockIdPrefix, type ArticleLang, type Block, type BlockKind } from './types';

/**
 * `ids`: the article's id map (ids.json), block by block in reading order. Without it, ids are
 * positional, as a new article's first map is made.
 */
export type AlignedBlocksOptions = { lang: ArticleLang; ids?: readonly IdMapBlock[] };

declare module 'vfile' {
  interface DataMap {
    alignedBlocks: Block[];
  }
}

const componentKinds: Record<string, BlockKind> = { Figure: 'figure', Chart: 'chart' };
/** Attributes of a figure or chart that must be identical in both languages. */
const sharedAttributes: Record<string, string[]> = { Figure: ['n', 'src'], Chart: ['name'] };

function kindOf(node: RootContent): BlockKind | undefined {
  if (node.type === 'heading') return 'heading';
  if (node.type === 'paragraph') return 'paragraph';
  if (node.type === 'mdxJsxFlowElement' && node.name) return componentKinds[node.name];
  return undefined;
}

function componentKey(node: MdxJsxFlowElement): string {
  const wanted = sharedAttributes[node.name ?? ''] ?? [];
  const parts = node.attributes.flatMap((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute' || !wanted.includes(attribute.name)) return [];
    const value = typeof attribute.value === 'string' ? attribute.value : attribute.value?.value;
    return [`${attribute.name}=${value}`];
  });
  return `${node.name} ${parts.join(' ')}`;
}

const outOfDate = 'the text was edited without npm run content:ids';

/** A node that mdast-util-to-hast turns into the element named in `data`. */
function element(tagName: string, properties: Record<string, unknown>, children: unknown[]) {
  return { type: 'aligned', data: { hName: tagName, hProperties: properties }, children };
}

/**
 * Gives every top-level block of an article an id shared by both languages, and every source line
 * of a heading or paragraph a sentence id (`p07-s3`): from the id map when one is given, so ids
 * survive edits; else by position (`p07`, `h02`, `f03`, `c01`: numbered per kind). A block the map
 * has no place for keeps a positional id and the file gets a message: the map must be brought up
 * to date with `content:ids`, never guessed. Each block is wrapped in a `<Block>` element
 * carrying its id, kind, language and position; each sentence in a `span.s` carrying its id.
 * The structure is left in `file.data.alignedBlocks`.
 */
export function remarkAlignedBlocks({ lang, ids }: AlignedBlocksOptions) {
  return (tree: Root, file: VFile) => {
    const counters: Record<BlockKind, number> = { heading: 0, paragraph: 0, figure: 0, chart: 0 };
    const blocks: Block[] = [];

    tree.children = tree.children.map((node) => {
      if (node.type === 'yaml' || node.type === 'mdxjsEsm') return node;
      const kind = kindOf(node);
      if (!kind) {
        file.message(`unsupported block "${node.type === 'mdxJsxFlowElement' ? `<${node.name}>` : node.type}"`, node);
        return node;
      }
      const positional = `${blockIdPrefix[kind]}${String(++counters[kind]).padStart(2, '0')}`;
      const line = node.position?.start.line ?? 0;
      const mapped = ids?.[blocks.length];
      const fits = mapped?.kind === kind && (mapped.key ?? undefined) === (node.type === 'mdxJsxFlowElement' ? componentKey(node) : undefined);
      if (ids && !fits) file.message(`block ${blocks.length + 1} (${kind}) has no place in ids.json: ${outOfDate}`, node);
      const id = fits ? mapped.id : positional;
      const block: Block = { id, kind, index: blocks.length + 1, sentences: [], line };

      if (node.type === 'paragraph' || node.type === 'heading') {
        const segments = splitAtLineBreaks(node.children);
        if (fits && mapped.sentences.length !== segments.length) {
          file.message(`block ${id} has ${segments.length} sentences, ids.json ${mapped.sentences.length}: ${outOfDate}`, node);
        }
        const children: unknown[] = [];
        segments.forEach((segment, i) => {
          const sentenceId = (fits && mapped.sentences[i]?.id) || `${id}-s${i + 1}`;
          const correction = correctionText(segment);
          block.sentences.push({ id: sentenceId, text: sentenceText(segment).trim(), line: line + i, ...(correction && { correction }) });
          if (i > 0 && lang === 'en') children.push({ type: 'text', value: ' ' });
          children.push(element('span', { className: ['s'], dataSid: sentenceId }, segment));
        });
        node.children = children as PhrasingContent[];
      } else if (node.type === 'mdxJsxFlowElement') {
        block.key = componentKey(node);
      }
      blocks.push(block);

      // The wrapper is a component so the reader decides how a block renders (and adds its controls).
      const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute' as const, name, value });
      const wrapper: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Block',
        attributes: [attribute('id', id), attribute('kind', kind), attribute('lang', lang), attribute('index', String(block.index))],
        children: [node as MdxJsxFlowElement['children'][number]],
      };
      return wrapper as unknown as RootContent;
    });

    if (ids && ids.length > blocks.length) file.message(`ids.json has ${ids.length} blocks, the text ${blocks.length}: ${outOfDate}`);
    file.data.alignedBlocks = blocks;
  };
}
