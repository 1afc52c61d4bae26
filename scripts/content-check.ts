import { checkArticle } from '../lib/content/check-article';
import { readArticleFiles, listArticleSlugs } from '../lib/content/article-files';

/** `npm run content:check`: fails with file:line messages when an article's languages do not pair. */
const slugs = listArticleSlugs();
let problemCount = 0;
for (const slug of slugs) {
  const problems = checkArticle(readArticleFiles(slug));
  for (const p of problems) console.error(`${p.path}:${p.line}: ${p.message}`);
  problemCount += problems.length;
}
if (problemCount > 0) {
  console.error(`content:check: ${problemCount} problem(s) in ${slugs.length} article(s)`);
  process.exit(1);
}
console.log(`content:check: ${slugs.length} article(s) aligned`);
