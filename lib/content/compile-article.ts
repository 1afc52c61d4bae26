import 'server-only';
import { bundleMDX } from 'mdx-bundler';
import type { IdMapBlock } from './id-map';
import { remarkAlignedBlocks } from './remark-aligned-blocks';
import type { ArticleLang } from './types';

/** Compiles one language of an article to mdx-bundler code, with the shared block and sentence ids of `ids` (the id map). */
export async function compileArticleBody(source: string, lang: ArticleLang, ids?: readonly IdMapBlock[]): Promise<string> {
  const { code } = await bundleMDX({
    source,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), [remarkAlignedBlocks, { lang, ids }]];
      return options;
    },
  });
  return code;
}
