import { getMDXComponent } from 'mdx-bundler/client';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { pinyinSpan } from '@/components/learning/pinyin-sentence';
import { TranslationToggle } from '@/components/reader/translation-toggle';
import { compileArticleBody } from '@/lib/content/compile-article';
import { articleLangs, type ArticleLang } from '@/lib/content/types';
import type { WordToken } from '@/lib/learning/article-words';

type BlockProps = { id: string; kind: string; lang: ArticleLang; index: string; children: ReactNode };

// Stand-ins reproducing the reader's markup (components/reader/*) without its context providers:
// what anchoring sees is the block wrapper, the sentence spans, the notes and the (real) toggles.
const components = {
  Block: ({ id, kind, lang, index, children }: BlockProps) => (
    <div className={`block block-${kind}`} id={`${lang}-${id}`} data-block={id} data-lang={lang} data-index={index}>
      {children}
      {lang === 'zh' && kind === 'paragraph' && <TranslationToggle blockId={id} labels={{ show: '显示译文', hide: '收起译文' }} />}
    </div>
  ),
  Figure: ({ n, caption }: { n: number; caption: string }) => (
    <figure data-n={n}>
      <figcaption>{caption}</figcaption>
    </figure>
  ),
  Chart: ({ name }: { name: string }) => (
    <figure data-chart={name}>
      <figcaption>{name}</figcaption>
    </figure>
  ),
  TranslatorNote: ({ children }: { children: ReactNode }) => (
    <span className="translator-note" role="note">
      <span className="translator-note-label">Translator’s note</span> {children}
    </span>
  ),
};

/**
 * Renders both languages of an article body into one container of the current (happy-dom)
 * document, as the reader does: all Chinese blocks, then all English ones; with `pinyin` (the
 * article's words by sentence), the Chinese in `<ruby>` as the reader's pinyin pages have it.
 */
export async function renderArticleBody(
  sources: Record<ArticleLang, string>,
  { pinyin }: { pinyin?: Record<string, WordToken[]> } = {},
): Promise<HTMLElement> {
  const bodies = await Promise.all(articleLangs.map(async (lang) => getMDXComponent(await compileArticleBody(sources[lang], lang))));
  const container = document.createElement('div');
  container.className = 'article-body';
  container.innerHTML = renderToStaticMarkup(
    <>
      {bodies.map((Body, i) => (
        <Body
          key={articleLangs[i]}
          components={pinyin && articleLangs[i] === 'zh' ? { ...components, span: pinyinSpan(pinyin) } : components}
        />
      ))}
    </>,
  );
  document.body.replaceChildren(container);
  return container;
}
