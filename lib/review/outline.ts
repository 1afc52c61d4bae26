import { articleLangs, type ArticleLang, type ArticleText } from '@/lib/content/types';

/** What the review page needs of the article to place, sort, filter and translate notes. */
export type ArticleOutline = {
  /** Sections in reading order; the first is the opening before any heading. */
  sections: { id: string; title: Record<ArticleLang, string> }[];
  /** For each block id: its section's index and its position among all blocks. */
  blocks: Record<string, { section: number; order: number }>;
  /** Each sentence's text in both languages, by its shared id (what a note's aligned text is made of). */
  sentences: Record<string, Record<ArticleLang, string>>;
};

/** The id of the first section: the article's start, before any heading (named by the UI, not the article). */
export const openingSection = 'opening';

/** A section's name in the UI language; the opening has no heading, so the UI names it (`opening`). */
export function sectionTitle(section: ArticleOutline['sections'][number] | undefined, locale: ArticleLang, opening: string): string {
  if (!section) return '';
  return section.id === openingSection ? opening : section.title[locale];
}

export function articleOutline(article: Record<ArticleLang, ArticleText>): ArticleOutline {
  const sections: ArticleOutline['sections'] = [{ id: openingSection, title: { zh: article.zh.meta.title, en: article.en.meta.title } }];
  const blocks: ArticleOutline['blocks'] = {};
  const sentences: ArticleOutline['sentences'] = {};
  article.zh.blocks.forEach((block, order) => {
    if (block.kind === 'heading') {
      const english = article.en.blocks.find((b) => b.id === block.id);
      sections.push({ id: block.id, title: { zh: joined(block.sentences), en: english ? joined(english.sentences) : '' } });
    }
    blocks[block.id] = { section: sections.length - 1, order };
  });
  for (const lang of articleLangs)
    for (const block of article[lang].blocks)
      for (const sentence of block.sentences) (sentences[sentence.id] ??= { zh: '', en: '' })[lang] = sentence.text;
  return { sections, blocks, sentences };
}

const joined = (sentences: { text: string }[]) => sentences.map((s) => s.text).join(' ');
