// @vitest-environment happy-dom
import { getMDXComponent } from 'mdx-bundler/client';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { readArticleFiles } from '@/lib/content/article-files';
import { compileArticleBody } from '@/lib/content/compile-article';
import { parseArticle } from '@/lib/content/parse-article';
import type { ArticleLang } from '@/lib/content/types';

// Stand-ins that show what the compiled article hands the reader's components.
const components = {
  Block: ({ id, kind, lang, index, children }: { id: string; kind: string; lang: string; index: string; children: ReactNode }) => (
    <div data-block={id} data-kind={kind} data-lang={lang} data-index={index}>
      {children}
    </div>
  ),
  Figure: ({ n }: { n: number }) => <figure data-n={n} />,
  Chart: ({ name }: { name: string }) => <figure data-chart={name} />,
  TranslatorNote: ({ children }: { children: ReactNode }) => <span className="tn">{children}</span>,
};

async function render(lang: ArticleLang) {
  const source = readArticleFiles('deepseek-capex')[lang].source;
  const Body = getMDXComponent(await compileArticleBody(source, lang));
  const document = new DOMParser().parseFromString(renderToStaticMarkup(<Body components={components} />), 'text/html');
  return { document, parsed: parseArticle(source, 'deepseek-capex', lang) };
}

describe.each(['zh', 'en'] as const)('the compiled %s article', (lang) => {
  it('renders every block and sentence with the ids the checker aligned', async () => {
    const { document, parsed } = await render(lang);
    const blocks = [...document.querySelectorAll<HTMLElement>('[data-block]')];
    expect(blocks.map((b) => `${b.dataset.index}:${b.dataset.block}:${b.dataset.kind}:${b.dataset.lang}`)).toEqual(
      parsed.blocks.map((b) => `${b.index}:${b.id}:${b.kind}:${lang}`),
    );
    const sentences = [...document.querySelectorAll<HTMLElement>('span.s[data-sid]')];
    expect(sentences.map((s) => s.dataset.sid)).toEqual(parsed.blocks.flatMap((b) => b.sentences.map((s) => s.id)));
    // What a reader sees of each sentence is its text (translator's notes are set apart).
    const visible = sentences.map((s) => {
      s.querySelectorAll('.tn').forEach((note) => note.remove());
      return s.textContent?.trim();
    });
    expect(visible).toEqual(parsed.blocks.flatMap((b) => b.sentences.map((s) => s.text)));
  });

  it('keeps headings as headings and bold as bold', async () => {
    const { document } = await render(lang);
    expect(document.querySelectorAll('[data-kind="heading"] > h2')).toHaveLength(3);
    const lead = {
      zh: '2024年，美国科技四巨头资本支出均达到史上最高点。',
      en: 'In 2024, capital expenditure (capex) at all four of America’s tech giants hit record highs.',
    };
    expect(document.querySelector('[data-block="p04"] strong')?.textContent).toBe(lead[lang]);
  });
});
