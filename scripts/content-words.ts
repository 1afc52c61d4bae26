import fs from 'node:fs';
import { articleFilePath, listArticleSlugs, readParsedArticle } from '../lib/content/article-files';
import { articleWordsAreCurrent, readArticleGlossary } from '../lib/learning/article-words-file';
import { formatArticleWords } from '../lib/learning/article-words';
import { buildArticleWords } from '../lib/learning/build-article-words';

/**
 * `npm run content:words [-- <slug>…]`: cuts each article's Chinese into words with their pinyin in
 * context and dictionary entries (content/<slug>/words.json), for the lookup card and pinyin. Run
 * after editing zh.mdx or learning.json; content:check refuses a words.json that is out of date.
 */
const slugs = process.argv.slice(2).length ? process.argv.slice(2) : listArticleSlugs();
for (const slug of slugs) {
  const words = buildArticleWords(readParsedArticle(slug, 'zh').blocks, readArticleGlossary(slug));
  const file = articleFilePath(slug, 'words.json');
  const changed = !articleWordsAreCurrent(slug, formatArticleWords(words));
  fs.writeFileSync(file, formatArticleWords(words));
  console.log(
    `content/${slug}/words.json: ${Object.keys(words.sentences).length} sentences, ${Object.keys(words.words).length} words${changed ? '' : ', unchanged'}`,
  );
}
