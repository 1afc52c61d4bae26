import { checkArticle } from '../lib/content/check-article';
import { readArticleFiles, listArticleSlugs, readParsedArticle } from '../lib/content/article-files';
import { formatArticleWords } from '../lib/learning/article-words';
import { articleWordsAreCurrent, readArticleGlossary } from '../lib/learning/article-words-file';
import { buildArticleWords } from '../lib/learning/build-article-words';

/** `npm run content:check`: fails with file:line messages when an article's languages do not pair. */
const slugs = listArticleSlugs();
let problemCount = 0;
for (const slug of slugs) {
  const problems = checkArticle(readArticleFiles(slug));
  for (const p of problems) console.error(`${p.path}:${p.line}: ${p.message}`);
  problemCount += problems.length;
  if (problems.length) continue;
  // The lookup card and pinyin read words.json; an edit of the Chinese or learning.json must remake it.
  const words = formatArticleWords(buildArticleWords(readParsedArticle(slug, 'zh').blocks, readArticleGlossary(slug)));
  if (!articleWordsAreCurrent(slug, words)) {
    console.error(`content/${slug}/words.json: out of date with zh.mdx or learning.json: run npm run content:words -- ${slug}`);
    problemCount++;
  }
}
if (problemCount > 0) {
  console.error(`content:check: ${problemCount} problem(s) in ${slugs.length} article(s)`);
  process.exit(1);
}
console.log(`content:check: ${slugs.length} article(s) aligned`);
