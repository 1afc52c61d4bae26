import fs from 'node:fs';
import { articleFilePath, listArticleSlugs, readArticleFiles } from '../lib/content/article-files';
import { assignIds } from '../lib/content/assign-ids';
import { formatIdMap, textHash, type IdMap } from '../lib/content/id-map';
import { parseArticle } from '../lib/content/parse-article';
import type { Block } from '../lib/content/types';

/**
 * `npm run content:ids [-- <slug>…]`: records an edit of an article's text in its id map
 * (content/<slug>/ids.json), keeping the ids of everything the edit did not touch, and counts the
 * revision. Run after editing zh.mdx or en.mdx; content:check refuses an edit not recorded.
 */
function pairs(zh: readonly Block[], en: readonly Block[]): boolean {
  return (
    zh.length === en.length &&
    zh.every((block, k) => block.kind === en[k].kind && block.key === en[k].key && block.sentences.length === en[k].sentences.length)
  );
}

const ids = (map: IdMap | undefined) => new Set(map?.blocks.flatMap((block) => [block.id, ...block.sentences.map((s) => s.id)]));

let failed = false;
const slugs = process.argv.slice(2).length ? process.argv.slice(2) : listArticleSlugs();
for (const slug of slugs) {
  const files = readArticleFiles(slug);
  if (files.ids?.error && fs.existsSync(articleFilePath(slug, 'ids.json'))) {
    console.error(`${files.ids.path}: ${files.ids.error}`);
    failed = true;
    continue;
  }
  const zh = parseArticle(files.zh.source, slug, 'zh');
  const en = parseArticle(files.en.source, slug, 'en');
  if (!pairs(zh.blocks, en.blocks)) {
    console.error(`content/${slug}: the two languages do not pair block by block; npm run content:check says where`);
    failed = true;
    continue;
  }
  const previous = files.ids?.map;
  const next = assignIds(previous, zh.blocks, en.blocks, { zh: textHash(files.zh.source), en: textHash(files.en.source) });
  const [before, after] = [ids(previous), ids(next)];
  const added = [...after].filter((id) => !before.has(id));
  const retired = [...before].filter((id) => !after.has(id));
  fs.writeFileSync(articleFilePath(slug, 'ids.json'), formatIdMap(next));
  console.log(
    `content/${slug}/ids.json: revision ${next.revision}` +
      (previous
        ? `, ${after.size - added.length} ids kept, ${added.length} new${added.length ? ` (${added.join(' ')})` : ''}`
        : ', first map') +
      (retired.length ? `, ${retired.length} retired (${retired.join(' ')})` : ''),
  );
}
if (failed) process.exit(1);
