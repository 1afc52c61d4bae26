import { getMDXComponent } from 'mdx-bundler/client';
import { getTranslations } from 'next-intl/server';
import type { ComponentProps, ReactNode } from 'react';
import { loadArticleCharts } from '@/lib/charts/load-charts';
import { readArticleWords } from '@/lib/learning/article-words-file';
import type { Article } from '@/lib/content/articles';
import { articleLangs, type ArticleLang } from '@/lib/content/types';
import { pinyinSpan } from '@/components/learning/pinyin-sentence';
import { ServerMarkup } from '@/components/site/server-markup';
import { ArticleChart } from './article-chart';
import { ArticleFigure } from './article-figure';
import { Block } from './block';
import { TranslatorNote } from './translator-note';

type MdxComponent = ReturnType<typeof getMDXComponent>;
const evaluated = new Map<string, MdxComponent>();

function mdxComponent(code: string): MdxComponent {
  if (!evaluated.has(code)) evaluated.set(code, getMDXComponent(code));
  return evaluated.get(code)!;
}

/** The components an article's MDX may use, bound to the language they render in (and pinyin over the Chinese). */
async function componentsFor(slug: string, lang: ArticleLang, pinyin: boolean) {
  const figureText = await getTranslations({ locale: lang, namespace: 'Figure' });
  const noteText = await getTranslations({ locale: lang, namespace: 'TranslatorNote' });
  // The toggles speak the reader's interface language, not the article's.
  const toggleText = await getTranslations('Translation');
  const toggleLabels = { show: toggleText('show'), hide: toggleText('hide') };
  const charts = loadArticleCharts(slug);
  const words = pinyin && lang === 'zh' ? readArticleWords(slug) : undefined;
  return {
    ...(words && { span: pinyinSpan(words.sentences) }),
    Block: (props: Omit<ComponentProps<typeof Block>, 'toggleLabels'>) => <Block {...props} toggleLabels={toggleLabels} />,
    Figure: (props: Omit<ComponentProps<typeof ArticleFigure>, 'unavailable'>) => (
      <ArticleFigure {...props} unavailable={figureText('unavailable')} />
    ),
    Chart: ({ name }: { name: string }) => <ArticleChart name={name} lang={lang} charts={charts} />,
    TranslatorNote: ({ children }: { children: ReactNode }) => <TranslatorNote label={noteText('label')}>{children}</TranslatorNote>,
  };
}

/**
 * Both languages of the article body in one grid. Each block is a direct grid item placed by its
 * pair index, so the reading view (Chinese, English, side by side, interleaved) is pure CSS on the
 * container and switching views changes one attribute. The body is not hydrated (<ServerMarkup>).
 * With `pinyin`, the Chinese sentences carry their words' pinyin in `<ruby>` (pinyin-sentence.tsx).
 */
export async function ArticleBody({ article, pinyin = false }: { article: Article; pinyin?: boolean }) {
  const bodies = await Promise.all(
    articleLangs.map(async (lang) => ({
      lang,
      Body: mdxComponent(article[lang].code),
      components: await componentsFor(article.slug, lang, pinyin),
    })),
  );
  return (
    <ServerMarkup className="article-body pair-grid">
      {bodies.map(({ lang, Body, components }) => (
        <Body key={lang} components={components} />
      ))}
    </ServerMarkup>
  );
}
