import 'server-only';
import { articleBus } from './article-bus';
import type { ArticleMessage } from './bus';

/**
 * Tells every reader of the article, in every app instance, that the annotation changed. Call it
 * after the transaction that bumped the article's revision has committed, with that revision:
 * readers load the note when the message arrives, so it must already be visible.
 */
export function publishArticleChange(message: ArticleMessage): Promise<void> {
  return articleBus().publish(message);
}
