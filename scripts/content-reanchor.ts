// npm run content:reanchor
//
// Places the notes made on an older revision of each article's text in the text as it is now
// (lib/annotations/reanchor.ts, docs/decisions/011). `npm start` runs it after the migrations, so
// the first reader after an edit is deployed finds every note where its words are, or an orphan.
// Notes already on the current revision are left alone: with nothing to do it costs one query per article.
import { reanchorArticle } from '../lib/annotations/reanchor';
import { listArticleSlugs } from '../lib/content/article-files';
import { runDatabaseScript } from './run-database-script';

async function main(): Promise<string> {
  const lines = [];
  for (const slug of listArticleSlugs()) {
    const outcome = await reanchorArticle(slug);
    const total = Object.values(outcome).reduce((sum, n) => sum + n, 0);
    if (total > 0) {
      lines.push(
        `content:reanchor: ${slug}: ${total} note(s) from older revisions: ${outcome.position} in place, ${outcome.quote} by quote, ` +
          `${outcome.fuzzy} by approximate quote, ${outcome.orphaned} orphaned`,
      );
    }
  }
  return lines.join('\n') || "content:reanchor: every note is on its article's current revision";
}

runDatabaseScript('content:reanchor', main);
