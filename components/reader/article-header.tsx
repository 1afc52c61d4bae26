import { getFormatter } from 'next-intl/server';
import type { Article } from '@/lib/content/articles';
import { articleLangs, htmlLang } from '@/lib/content/types';
import { pairStyle } from './pair-style';

/** Title, summary and byline in both languages, aligned like the body. */
export async function ArticleHeader({ article }: { article: Article }) {
  const format = await getFormatter();
  return (
    <header className="article-header pair-grid">
      {articleLangs.map((lang) => {
        const meta = article[lang].meta;
        const date = format.dateTime(new Date(meta.date), { dateStyle: 'long', timeStyle: 'short' });
        return (
          <div key={lang} className="article-header-lang" data-lang={lang} lang={htmlLang[lang]} style={pairStyle(1, lang)}>
            <h1>{meta.title}</h1>
            <p className="article-summary">{meta.summary}</p>
            <p className="article-byline">
              <span>{meta.byline}</span>
              <span>{meta.editorLine}</span>
              <time dateTime={meta.date}>{date}</time>
            </p>
          </div>
        );
      })}
    </header>
  );
}
