import { getTranslations } from 'next-intl/server';
import type { Article } from '@/lib/content/articles';
import { articleLangs, htmlLang } from '@/lib/content/types';
import { pairStyle } from './pair-style';

/** Duty editor, the original's address and, for the English, the translator's line. */
export async function ArticleFooter({ article }: { article: Article }) {
  return (
    <footer className="article-footer pair-grid">
      {await Promise.all(
        articleLangs.map(async (lang) => {
          const meta = article[lang].meta;
          const t = await getTranslations({ locale: lang, namespace: 'Article' });
          return (
            <div key={lang} className="article-footer-lang" data-lang={lang} lang={htmlLang[lang]} style={pairStyle(1, lang)}>
              <p>{meta.dutyEditorLine}</p>
              <p>
                <a href={meta.sourceUrl} rel="noopener noreferrer external">
                  {t('source', { name: `${meta.publication} (${meta.sourceName})` })}
                </a>
              </p>
              {lang === 'en' && <p className="translation-credit">{meta.translator ?? t('translationNote')}</p>}
            </div>
          );
        }),
      )}
    </footer>
  );
}
