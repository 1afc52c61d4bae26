import { getTranslations } from 'next-intl/server';
import type { Article } from '@/lib/content/articles';
import { articleLangs } from '@/lib/content/types';
import { ContentsRail } from './contents-rail';

/** The section headings in both languages (CSS shows the lists of the languages in view). */
export async function TableOfContents({ article }: { article: Article }) {
  const t = await getTranslations('Article');
  const lists = articleLangs.map((lang) => ({
    lang,
    headings: article[lang].blocks
      .filter((block) => block.kind === 'heading')
      .map((heading) => ({ id: heading.id, text: heading.sentences.map((s) => s.text).join(' ') })),
  }));
  return (
    <nav className="toc" aria-label={t('contents')}>
      <ContentsRail lists={lists} />
    </nav>
  );
}
