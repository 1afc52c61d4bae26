import fs from 'node:fs';
import { articleFilePath, isArticleSlug, readParsedArticle } from './article-files';
import type { ArticleLang } from './types';

const sentences = new Map<string, Map<string, string>>();

/** A sentence's text as the article has it now (parsed once per process), or undefined when it has none by that id. */
export function articleSentenceText(slug: string, lang: ArticleLang, sentenceId: string): string | undefined {
  const key = `${slug}/${lang}`;
  let texts = sentences.get(key);
  if (!texts) {
    texts = new Map(
      isArticleSlug(slug) ? readParsedArticle(slug, lang).blocks.flatMap((block) => block.sentences.map((s) => [s.id, s.text] as const)) : [],
    );
    sentences.set(key, texts);
  }
  return texts.get(sentenceId);
}

/**
 * Whether the article's Chinese is an original kept verbatim (`source.zh.md`, checked by
 * content:check): its wording is the author's, so readers suggest only translations of it.
 */
export function keepsChineseOriginal(slug: string): boolean {
  return fs.existsSync(articleFilePath(slug, 'source.zh.md'));
}
