// npm run content:apply-suggestions -- <slug>
//
// Writes the article's accepted translation suggestions (from the database named by DATABASE_URL)
// into content/<slug>/{zh,en}.mdx and ids.json, the next revision with every id kept, for a commit
// that goes through review like code. The running site never edits its own files; the same change
// can be downloaded from GET /api/articles/<slug>/suggestions/accepted.patch.
import fs from 'node:fs';
import { acceptedSuggestionsPatch } from '../lib/annotations/suggestions-patch';
import { articleFilePath } from '../lib/content/article-files';
import { formatIdMap } from '../lib/content/id-map';
import { articleLangs } from '../lib/content/types';
import { runDatabaseScript } from './run-database-script';

async function main(): Promise<string> {
  const slug = process.argv[2];
  if (!slug) throw new Error('usage: npm run content:apply-suggestions -- <slug>');
  const { before, after, summary } = await acceptedSuggestionsPatch(slug);
  const changed = articleLangs.filter((lang) => before.sources[lang] !== after.sources[lang]);
  for (const lang of changed) fs.writeFileSync(articleFilePath(slug, `${lang}.mdx`), after.sources[lang]);
  if (changed.length) fs.writeFileSync(articleFilePath(slug, 'ids.json'), formatIdMap(after.ids));
  const wrote = `Wrote ${changed.map((lang) => `${lang}.mdx`).join(', ')} and ids.json; run npm run content:check, then commit.`;
  return [...summary, ...(changed.length ? [wrote] : [])].join('\n');
}

runDatabaseScript('content:apply-suggestions', main);
