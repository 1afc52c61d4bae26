/** The two languages an article is written in. The source language comes first. */
export const articleLangs = ['zh', 'en'] as const;
export type ArticleLang = (typeof articleLangs)[number];

/** BCP 47 tags for `lang` attributes: the Chinese text is Simplified Chinese. */
export const htmlLang: Record<ArticleLang, string> = { zh: 'zh-Hans', en: 'en' };

/** What a new article's English has in place of each sentence until it is translated (`npm run article:new`). */
export const untranslated = '[to translate]';

export type BlockKind = 'heading' | 'paragraph' | 'figure' | 'chart';

/** The letter block ids of each kind start with (`p07`, `h02`, `f03`, `c01`). */
export const blockIdPrefix: Record<BlockKind, string> = { heading: 'h', paragraph: 'p', figure: 'f', chart: 'c' };

/** One sentence of a block; its id (`p07-s3`) is shared by both languages. */
export type Sentence = {
  id: string;
  /** Plain text as the reader sees it, without translator's notes. */
  text: string;
  /** 1-based line in the MDX file, for error messages. */
  line: number;
  /**
   * A translator's note marked `correction` (`<TranslatorNote correction>`): it says what the source
   * got wrong in this sentence. It goes with quotes of the uncorrected Chinese (docs/translation-notes.md).
   */
  correction?: string;
};

/** One aligned unit of an article: a heading, paragraph, figure or chart. */
export type Block = {
  id: string;
  kind: BlockKind;
  /** Position among all blocks (1-based); equal for a block's two languages. */
  index: number;
  sentences: Sentence[];
  line: number;
  /** For figures and charts: the attributes that must match across languages. */
  key?: string;
};

export type ArticleMeta = {
  slug: string;
  lang: ArticleLang;
  title: string;
  summary: string;
  date: string;
  publication: string;
  byline: string;
  author: string;
  editorLine: string;
  dutyEditorLine: string;
  sourceName: string;
  sourceUrl: string;
  translator?: string;
};

/** What the reader needs of one language of an article, apart from its compiled body. */
export type ArticleText = {
  meta: ArticleMeta;
  blocks: Block[];
};
