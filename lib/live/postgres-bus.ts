import pg from 'pg';
import { postgresSchema } from '@/lib/db/database-url';
import { asArticleMessage, type ArticleBus, type ArticleListener, type ArticleMessage, logWarning } from './bus';
import { deliver } from './memory-bus';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;

export type PostgresBusOptions = {
  /** A PostgreSQL connection string (the app's resolved DATABASE_URL). */
  url: string;
  /** Defaults to `article_changes`, suffixed with the URL's `?schema=` so apps on different schemas of one database stay apart. */
  channel?: string;
  /** Shown in pg_stat_activity for the listening connection. */
  applicationName?: string;
  /** Delay before reconnecting the listening connection: doubles from `initialMs` up to `maxMs`. */
  reconnect?: { initialMs: number; maxMs: number };
  /** How often the idle listening connection is checked, and how long a check may take before it counts as dropped. */
  ping?: { intervalMs: number; timeoutMs: number };
  log?: (message: string, details?: Record<string, unknown>) => void;
};

/** The channel an app on this database URL uses. */
export function channelFor(url: string): string {
  const schema = postgresSchema(url);
  return schema && schema !== 'public' ? `article_changes:${schema}` : 'article_changes';
}

/**
 * The bus between app instances sharing one PostgreSQL: NOTIFY on one channel, a dedicated LISTEN
 * connection per process (opened on the first subscribe, reopened with backoff when it drops).
 * A process's own publishes come back through its LISTEN connection like any other, so each
 * subscriber sees each message exactly once. Messages sent while the connection is down are lost:
 * `onResync` listeners hear about it when it is back.
 */
export class PostgresBus implements ArticleBus {
  private readonly url: string;
  private readonly channel: string;
  private readonly applicationName: string;
  private readonly reconnectDelay: { initialMs: number; maxMs: number };
  private readonly ping: { intervalMs: number; timeoutMs: number };
  private readonly log: (message: string, details?: Record<string, unknown>) => void;

  private readonly listeners = new Map<string, Set<ArticleListener>>();
  private readonly resyncListeners = new Set<() => void>();
  private readyWaiters: (() => void)[] = [];
  /** The listening connection, while it is being opened or is open. */
  private current: pg.Client | null = null;
  private readonly pinging = new WeakSet<pg.Client>();
  private listening = false;
  private hasListened = false;
  private started = false;
  private closed = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private pool: pg.Pool | null = null;

  constructor(options: PostgresBusOptions) {
    this.url = options.url;
    this.channel = options.channel ?? channelFor(options.url);
    this.applicationName = options.applicationName ?? 'reader-live-listener';
    this.reconnectDelay = options.reconnect ?? { initialMs: 250, maxMs: 10_000 };
    this.ping = options.ping ?? { intervalMs: 30_000, timeoutMs: 10_000 };
    this.log = options.log ?? logWarning;
  }

  async publish(message: ArticleMessage): Promise<void> {
    if (this.closed) throw new Error('The article bus is closed.');
    const checked = asArticleMessage(message);
    if (!checked) throw new TypeError(`Not an article message: ${JSON.stringify(message)}`);
    const payload = JSON.stringify(checked);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      throw new RangeError(`Article message too large for NOTIFY (${payload.length} characters).`);
    }
    await this.publisher().query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  subscribe(article: string, listener: ArticleListener): () => void {
    let set = this.listeners.get(article);
    if (!set) this.listeners.set(article, (set = new Set()));
    const entry: ArticleListener = (message) => listener(message);
    set.add(entry);
    this.start();
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(article) === set) this.listeners.delete(article);
    };
  }

  onResync(listener: () => void): () => void {
    const entry = () => listener();
    this.resyncListeners.add(entry);
    return () => void this.resyncListeners.delete(entry);
  }

  /** Resolves when the LISTEN connection is open (opening it if nobody has subscribed yet). */
  ready(): Promise<void> {
    if (this.listening || this.closed) return Promise.resolve();
    this.start();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.listeners.clear();
    this.resyncListeners.clear();
    this.resolveReady();
    const client = this.current;
    this.current = null;
    this.listening = false;
    await Promise.all([client?.end().catch(() => {}), this.pool?.end().catch(() => {})]);
  }

  private publisher(): pg.Pool {
    if (!this.pool) {
      // Small and short-lived: NOTIFY is one quick statement; idle connections go away on their own.
      this.pool = new pg.Pool({
        connectionString: this.url,
        application_name: 'reader-live-publisher',
        max: 2,
        idleTimeoutMillis: 10_000,
        allowExitOnIdle: true,
      });
      this.pool.on('error', (error) => this.log('live updates: a publishing connection failed', { error: String(error) }));
    }
    return this.pool;
  }

  private start() {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  private async connect() {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: this.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    this.current = client;
    client.on('notification', (notification) => {
      if (client === this.current && notification.channel === this.channel) this.receive(notification.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (client !== this.current) return; // lost (or closed) while connecting

    if (this.failures > 0) this.log('live updates: listening again on PostgreSQL', { channel: this.channel });
    // After an outage (even before the first LISTEN), subscribers may have missed messages.
    const resync = this.hasListened || this.failures > 0;
    this.failures = 0;
    this.listening = true;
    this.hasListened = true;
    this.pingTimer = setInterval(() => this.check(client), this.ping.intervalMs);
    this.pingTimer.unref();
    this.resolveReady();
    if (resync) for (const listener of [...this.resyncListeners]) listener();
  }

  /** A silently dead connection (a dropped network path) only shows when it is used: use it now and then. */
  private check(client: pg.Client) {
    // One ping at a time: a client runs one query at a time (pg 9 will refuse a second).
    if (this.pinging.has(client)) return;
    this.pinging.add(client);
    const timeout = setTimeout(() => this.lost(client, new Error('the listening connection did not answer')), this.ping.timeoutMs);
    timeout.unref();
    client
      .query('SELECT 1')
      .then(
        () => clearTimeout(timeout),
        (error: unknown) => {
          clearTimeout(timeout);
          this.lost(client, error);
        },
      )
      .finally(() => this.pinging.delete(client));
  }

  private lost(client: pg.Client, error: unknown) {
    if (client !== this.current) return;
    this.current = null;
    this.listening = false;
    clearInterval(this.pingTimer);
    client.end().catch(() => {});
    if (this.closed) return;
    // Once per outage, not once per attempt.
    if (this.failures === 0) {
      this.log('live updates: the PostgreSQL listening connection failed; reconnecting', { channel: this.channel, error: String(error) });
    }
    const delay = Math.min(this.reconnectDelay.maxMs, this.reconnectDelay.initialMs * 2 ** this.failures);
    this.failures += 1;
    // Jitter, so app instances that lost the server together do not all come back in the same instant.
    this.retryTimer = setTimeout(() => void this.connect(), delay * (0.8 + Math.random() * 0.4));
    this.retryTimer.unref();
  }

  private receive(payload: string | undefined) {
    let message: ArticleMessage | null = null;
    try {
      message = asArticleMessage(JSON.parse(payload ?? ''));
    } catch {
      message = null;
    }
    if (!message) {
      this.log('live updates: ignored a malformed notification', { channel: this.channel, payload: payload?.slice(0, 200) });
      return;
    }
    deliver(this.listeners.get(message.article), message);
  }

  private resolveReady() {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
