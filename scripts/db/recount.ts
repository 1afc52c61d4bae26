// npm run db:recount
//
// Counts every article's discussion again from its notes (lib/annotations/recompute-tallies.ts) and
// moves its revision on, so caches and open pages read the new counts. Writes keep the counts
// themselves, after they commit (docs/decisions/009): a process that dies between a commit and that
// step leaves them one write behind, and this puts them right. Run it when no one is writing
// (a write counted meanwhile could be counted twice); O(notes) per article.
import { settleWrite } from '../../lib/annotations/activity';
import { recomputeTallies } from '../../lib/annotations/recompute-tallies';
import { db } from '../../lib/db';
import { runDatabaseScript } from '../run-database-script';

async function main(): Promise<string> {
  const articles = await db.annotation.findMany({ distinct: ['article'], select: { article: true }, orderBy: { article: 'asc' } });
  for (const { article } of articles) {
    await recomputeTallies(db, article);
    await settleWrite(article, null);
  }
  return `db:recount: counted the notes of ${articles.length} article(s) again: ${articles.map((a) => a.article).join(', ') || 'none'}.`;
}

runDatabaseScript('db:recount', main);
