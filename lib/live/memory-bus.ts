import { asArticleMessage, type ArticleBus, type ArticleListener, type ArticleMessage, logWarning } from './bus';

/** The bus of a single process (SQLite: one app instance). Listeners run after publish returns, never inside the writer's call. */
export class MemoryBus implements ArticleBus {
  private readonly listeners = new Map<string, Set<ArticleListener>>();

  async publish(message: ArticleMessage): Promise<void> {
    const checked = asArticleMessage(message);
    if (!checked) throw new TypeError(`Not an article message: ${JSON.stringify(message)}`);
    // A copy, as a message from another process would be: listeners cannot change the writer's object.
    queueMicrotask(() => deliver(this.listeners.get(checked.article), { ...checked }));
  }

  subscribe(article: string, listener: ArticleListener): () => void {
    let set = this.listeners.get(article);
    if (!set) this.listeners.set(article, (set = new Set()));
    // Wrapped, so the same function subscribed twice is called twice and unsubscribes independently.
    const entry: ArticleListener = (message) => listener(message);
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(article) === set) this.listeners.delete(article);
    };
  }

  /** How many listeners the article has (for tests and diagnostics). */
  listenerCount(article: string): number {
    return this.listeners.get(article)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** Calls each listener with the message; one that throws is logged and does not stop the others. */
export function deliver(listeners: Iterable<ArticleListener> | undefined, message: ArticleMessage) {
  if (!listeners) return;
  for (const listener of [...listeners]) {
    try {
      listener(message);
    } catch (error) {
      logWarning('live update listener failed', { article: message.article, error: String(error) });
    }
  }
}
