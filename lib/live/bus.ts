/** "Something changed on this article": the writer's annotation and the article's new revision. Never the note itself. */
export type ArticleMessage = { article: string; annotationId: string; revision: number };

export type ArticleListener = (message: ArticleMessage) => void;

/** Carries article changes from the process that wrote them to every process serving readers. */
export interface ArticleBus {
  /** Sends the message to every subscriber of its article, in every process (this one included), exactly once. */
  publish(message: ArticleMessage): Promise<void>;
  /** Calls the listener for each message about the article until the returned function is called. */
  subscribe(article: string, listener: ArticleListener): () => void;
  /**
   * Calls the listener when messages may have been lost (the bus lost its connection and got it
   * back), so subscribers can tell their readers to refetch. Buses that cannot lose messages omit it.
   */
  onResync?(listener: () => void): () => void;
  /** Resolves once messages published from now on will reach this process's subscribers. */
  ready?(): Promise<void>;
  close(): Promise<void>;
}

/** The message if the value is one (what arrives over the network is checked, not trusted). */
export function asArticleMessage(value: unknown): ArticleMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const { article, annotationId, revision } = value as Record<string, unknown>;
  if (typeof article !== 'string' || typeof annotationId !== 'string' || !Number.isSafeInteger(revision)) return null;
  return { article, annotationId, revision: revision as number };
}

/** A warning as one JSON line, like the rest of the server's logs. */
export function logWarning(message: string, details: Record<string, unknown> = {}) {
  console.error(JSON.stringify({ level: 'warn', message, ...details }));
}
