import fs from 'node:fs';
import path from 'node:path';
import { articleFilePath, isArticleSlug } from '../lib/content/article-files';
import { newArticleFiles } from '../lib/content/new-article';

/**
 * `npm run article:new -- <slug> <chinese.txt>`: makes content/<slug>/ from a plain Chinese text
 * (lib/content/new-article.ts) and says what is left: `npm run content:check` lists the empty
 * frontmatter and the sentences still to translate. README.md, "Adding an article", has the whole path.
 */
const [slug, file] = process.argv.slice(2);
if (!slug || !file) {
  console.error('usage: npm run article:new -- <slug> <chinese.txt>');
  process.exit(2);
}
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
  console.error(`article:new: "${slug}" is not a slug: lowercase letters, digits and single hyphens`);
  process.exit(2);
}
if (isArticleSlug(slug) || fs.existsSync(path.dirname(articleFilePath(slug, 'zh.mdx')))) {
  console.error(`article:new: content/${slug} exists already`);
  process.exit(1);
}
const files = newArticleFiles(slug, fs.readFileSync(file, 'utf8'));
fs.mkdirSync(path.dirname(articleFilePath(slug, 'zh.mdx')), { recursive: true });
for (const [name, text] of Object.entries(files)) fs.writeFileSync(articleFilePath(slug, name), text);
const sentences = files['zh.mdx']
  .split('\n---\n')[1]
  .split('\n')
  .filter((line) => line.trim()).length;
console.log(
  `content/${slug}/: zh.mdx (${sentences} sentences), en.mdx to translate, ids.json. Next: npm run content:check says what is left.`,
);
