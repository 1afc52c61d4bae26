// PostgresBus on a real PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432), in a throwaway database
// reader_live_<random> so parallel runs never hear each other. Two buses stand for two app instances.
// Skipped only when the server is unreachable.
import crypto from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleMessage } from '@/lib/live/bus';
import { channelFor, PostgresBus, type PostgresBusOptions } from '@/lib/live/postgres-bus';
import { createTemporaryDatabase, describeUrl, serverUrl, unreachableReason, type TemporaryDatabase } from '@/scripts/db/postgres-server';

const unreachable = await unreachableReason(serverUrl());
if (unreachable) console.warn(`PostgreSQL live-update tests SKIPPED: server unreachable (${unreachable})`);

/** The goal: a change reaches every reader within 2 s. */
const DELIVERY_MS = 2000;

const message = (article: string, revision: number): ArticleMessage => ({ article, annotationId: `note-${article}-${revision}`, revision });

function collect() {
  const received: ArticleMessage[] = [];
  const listener = (m: ArticleMessage) => void received.push(m);
  return { received, listener };
}

/** Waits until `listener` has seen `last`; messages of one publisher arrive in order, so nothing sent before it is still on its way. */
async function until(received: ArticleMessage[], last: ArticleMessage) {
  await vi.waitFor(() => expect(received).toContainEqual(last), { timeout: DELIVERY_MS, interval: 10 });
}

describe.skipIf(unreachable !== null)(`PostgresBus on PostgreSQL (${describeUrl(serverUrl())})`, () => {
  let database: TemporaryDatabase;
  const buses: PostgresBus[] = [];
  const logs: string[] = [];

  const newBus = (name: string, options: Partial<PostgresBusOptions> = {}) => {
    const bus = new PostgresBus({
      url: database.url,
      applicationName: `reader-live-test-${name}-${crypto.randomBytes(3).toString('hex')}`,
      reconnect: { initialMs: 50, maxMs: 500 },
      log: (text, details) => void logs.push(`${name}: ${text} ${JSON.stringify(details ?? {})}`),
      ...options,
    });
    buses.push(bus);
    return bus;
  };

  const query = async (sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };

  const connectionsOf = async (applicationName: string) =>
    Number((await query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [applicationName]))[0]!.n);

  beforeAll(async () => {
    database = await createTemporaryDatabase('reader_live');
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    logs.length = 0;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('delivers a publish on instance A to subscribers on B and on A, exactly once each, within 2 s', async () => {
    const a = newBus('a');
    const b = newBus('b');
    const onA = collect();
    const onB = collect();
    a.subscribe('essay', onA.listener);
    b.subscribe('essay', onB.listener);
    await Promise.all([a.ready(), b.ready()]);

    const started = Date.now();
    await a.publish(message('essay', 1));
    await Promise.all([until(onA.received, message('essay', 1)), until(onB.received, message('essay', 1))]);
    expect(Date.now() - started).toBeLessThan(DELIVERY_MS);

    await a.publish(message('essay', 2));
    await Promise.all([until(onA.received, message('essay', 2)), until(onB.received, message('essay', 2))]);
    expect(onA.received).toEqual([message('essay', 1), message('essay', 2)]);
    expect(onB.received).toEqual([message('essay', 1), message('essay', 2)]);
    expect(logs).toEqual([]);
  });

  it('delivers only the messages of the subscribed article', async () => {
    const a = newBus('a');
    const b = newBus('b');
    const first = collect();
    const second = collect();
    b.subscribe('first', first.listener);
    b.subscribe('second', second.listener);
    await b.ready();

    await a.publish(message('second', 1));
    await a.publish(message('first', 1));
    await a.publish(message('second', 2));
    await until(second.received, message('second', 2));
    expect(first.received).toEqual([message('first', 1)]);
    expect(second.received).toEqual([message('second', 1), message('second', 2)]);
  });

  it('stops delivering to a listener once it unsubscribes', async () => {
    const a = newBus('a');
    const b = newBus('b');
    const kept = collect();
    const gone = collect();
    b.subscribe('essay', kept.listener);
    const unsubscribe = b.subscribe('essay', gone.listener);
    await b.ready();
    unsubscribe();

    await a.publish(message('essay', 1));
    await a.publish(message('essay', 2));
    await until(kept.received, message('essay', 2));
    expect(gone.received).toEqual([]);
    expect(kept.received).toHaveLength(2);
  });

  it('recovers when its listening connection is terminated: logs once, signals a resync, and delivers later messages', async () => {
    const a = newBus('a');
    const applicationName = `reader-live-test-b-${crypto.randomBytes(3).toString('hex')}`;
    const b = newBus('b', { applicationName });
    const onB = collect();
    const resyncs = vi.fn();
    b.subscribe('essay', onB.listener);
    b.onResync(resyncs);
    await b.ready();

    const terminated = await query('SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1', [
      applicationName,
    ]);
    expect(terminated).toEqual([{ done: true }]);

    await vi.waitFor(() => expect(resyncs).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 10 });
    await a.publish(message('essay', 3));
    await until(onB.received, message('essay', 3));
    expect(onB.received).toEqual([message('essay', 3)]);
    expect(logs).toEqual([
      expect.stringMatching(/^b: .*listening connection failed; reconnecting/),
      expect.stringMatching(/^b: .*listening again/),
    ]);
    expect(await connectionsOf(applicationName)).toBe(1);
  });

  it('notices a listening connection that went silent (no FIN, no RST) and reconnects', async () => {
    // A TCP relay to the server whose existing connections can be frozen, as a dropped network path would.
    const target = new URL(database.url);
    const frozen: net.Socket[] = [];
    const sockets: net.Socket[] = [];
    const relay = net.createServer((inbound) => {
      const outbound = net.connect(Number(target.port || 5432), target.hostname);
      sockets.push(inbound, outbound);
      inbound.pipe(outbound);
      outbound.pipe(inbound);
      inbound.on('error', () => {});
      outbound.on('error', () => {});
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const through = new URL(database.url);
    through.host = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
    try {
      const a = newBus('a');
      const b = newBus('b', { url: through.toString(), channel: channelFor(database.url), ping: { intervalMs: 100, timeoutMs: 300 } });
      const onB = collect();
      const resyncs = vi.fn();
      b.subscribe('essay', onB.listener);
      b.onResync(resyncs);
      await b.ready();

      for (const socket of sockets.splice(0)) {
        socket.unpipe();
        socket.pause();
        frozen.push(socket);
      }
      await vi.waitFor(() => expect(resyncs).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 10 });
      await a.publish(message('essay', 1));
      await until(onB.received, message('essay', 1));
      expect(logs[0]).toMatch(/^b: .*did not answer/);
    } finally {
      for (const socket of [...frozen, ...sockets]) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it('ignores notifications on its channel that are not article messages', async () => {
    const a = newBus('a');
    const onA = collect();
    a.subscribe('essay', onA.listener);
    await a.ready();

    await query('SELECT pg_notify($1, $2)', [channelFor(database.url), 'not json']);
    await query('SELECT pg_notify($1, $2)', [channelFor(database.url), JSON.stringify({ article: 'essay', revision: 'x' })]);
    await a.publish(message('essay', 1));
    await until(onA.received, message('essay', 1));
    expect(onA.received).toEqual([message('essay', 1)]);
    expect(logs.filter((line) => line.includes('malformed'))).toHaveLength(2);
  });

  it('refuses a message too large for NOTIFY', async () => {
    const a = newBus('a');
    await expect(a.publish({ article: 'x'.repeat(8000), annotationId: 'n', revision: 1 })).rejects.toThrow(RangeError);
  });

  it('opens no connection until used, one LISTEN connection per process, and closes it on close', async () => {
    const applicationName = `reader-live-test-count-${crypto.randomBytes(3).toString('hex')}`;
    const bus = newBus('count', { applicationName });
    expect(await connectionsOf(applicationName)).toBe(0);
    bus.subscribe('one', () => {});
    bus.subscribe('two', () => {});
    await bus.ready();
    expect(await connectionsOf(applicationName)).toBe(1);
    await bus.close();
    await vi.waitFor(async () => expect(await connectionsOf(applicationName)).toBe(0), { timeout: 2000, interval: 20 });
    await expect(bus.publish(message('one', 1))).rejects.toThrow(/closed/);
  });
});

if (unreachable) {
  // Shows the reason in the test report.
  describe('PostgresBus on PostgreSQL', () => {
    it.skip(`skipped: PostgreSQL server unreachable (${unreachable})`, () => {});
  });
}

describe('PostgresBus without a server', () => {
  it('keeps retrying with backoff, logs the outage once, and stops on close', async () => {
    const lines: string[] = [];
    // Port 1: nothing listens there, connections are refused at once.
    const bus = new PostgresBus({
      url: 'postgresql://postgres@127.0.0.1:1/none',
      reconnect: { initialMs: 10, maxMs: 40 },
      log: (text) => void lines.push(text),
    });
    const attempts = vi.spyOn(pg.Client.prototype, 'connect');
    bus.subscribe('essay', () => {});
    await vi.waitFor(() => expect(attempts.mock.calls.length).toBeGreaterThanOrEqual(4), { timeout: 3000, interval: 10 });
    expect(lines).toEqual([expect.stringContaining('reconnecting')]);
    await expect(bus.publish(message('essay', 1))).rejects.toThrow();
    await bus.close();
    const after = attempts.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attempts.mock.calls.length).toBe(after);
    attempts.mockRestore();
  });

  it('uses one channel per PostgreSQL schema', () => {
    expect(channelFor('postgresql://u@h/db')).toBe('article_changes');
    expect(channelFor('postgresql://u@h/db?schema=public')).toBe('article_changes');
    expect(channelFor('postgresql://u@h/db?schema=e2e')).toBe('article_changes:e2e');
  });
});
