import 'server-only';
import { bundleMDX } from 'mdx-bundler';
import { remarkAlignedBlocks } from './remark-aligned-blocks';
import type { ArticleLang } from './types';

/** Compiles one language of an article to mdx-bundler code, with the shared block and sentence ids. */
export async function compileArticleBody(source: string, lang: ArticleLang): Promise<string> {
  const { code } = await bundleMDX({
    source,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), [remarkAlignedBlocks, { lang }]];
      return options;
    },
  });
  return code;
}
