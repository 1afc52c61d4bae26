import { getTranslations } from 'next-intl/server';
import type { Article } from '@/lib/content/articles';
import { articleLangs, htmlLang } from '@/lib/content/types';

/**
 * The section headings in both languages; CSS shows the lists of the languages in view. Each link
 * targets the heading of its own language, so it works without JavaScript in every view.
 */
export async function TableOfContents({ article }: { article: Article }) {
  const t = await getTranslations('Article');
  return (
    <nav className="toc" aria-label={t('contents')}>
      <details>
        <summary>{t('contents')}</summary>
        <div className="toc-lists">
          {articleLangs.map((lang) => (
            <ol key={lang} data-lang={lang} lang={htmlLang[lang]}>
              {article[lang].blocks
                .filter((block) => block.kind === 'heading')
                .map((heading) => (
                  <li key={heading.id}>
                    <a href={`#${lang}-${heading.id}`}>{heading.sentences.map((s) => s.text).join(' ')}</a>
                  </li>
                ))}
            </ol>
          ))}
        </div>
      </details>
    </nav>
  );
}
