// What a Node.js server process does once as it starts (instrumentation.ts), before it answers requests.

/** Checks the configuration, gates the server, reports stored data, and arranges the shutdown and the warm-up. */
export async function registerNode() {
  const production = process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build';
  if (!production && process.env.NODE_ENV !== 'development') return;

  // Bad configuration stops the server now, naming the variable, rather than at the first request.
  const { readServerConfig } = await import('@/lib/config/server-config');
  let config: ReturnType<typeof readServerConfig>;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', message: `configuration: ${(error as Error).message}` }));
    process.exit(1);
  }

  // The gate in front of Next: methods, declared body sizes, client addresses (lib/http/node-gate.ts).
  // Next starts listening before it runs this hook, so its server is among the process's handles.
  const { installGate } = await import('@/lib/http/node-gate');
  const { processHttpServers } = await import('@/lib/http/process-servers');
  const servers = processHttpServers();
  for (const server of servers) installGate(server, { trustedProxies: config.trustedProxies });
  if (servers.length === 0)
    console.error(JSON.stringify({ level: 'warn', message: 'request gate: no HTTP server found; requests are not gated' }));

  // A production server without the script hashes of this build says so as it starts (proxy.ts
  // then allows inline scripts everywhere). `next build` runs this too, before the hashes exist.
  if (production) {
    const { loadCspManifest } = await import('@/lib/csp/load-manifest');
    loadCspManifest();
  }
  const { closeAllEventStreams } = await import('@/lib/live/event-stream');
  const { stopKeepingConnectionsAlive } = await import('@/lib/http/drain-connections');
  // Next's own handler stops accepting connections and waits for open ones to finish. Live event
  // streams never finish by themselves, so they are ended here and their browsers reconnect; and
  // kept-alive connections (nginx's pool) are closed after their answers, or Node would keep them,
  // and the process, alive.
  const shutDown = () => {
    const stopped = stopKeepingConnectionsAlive();
    const count = closeAllEventStreams();
    console.log(
      JSON.stringify({ level: 'info', message: 'shutting down: live event streams ended, connections closing', count, servers: stopped }),
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);

  if (!production) return;
  // Stored data written before today's limits, and demo accounts, are reported as the server starts.
  const { reportStoredData } = await import('@/lib/startup/stored-data-report');
  await reportStoredData();
  const { backfillSearch } = await import('@/lib/startup/search-backfill');
  void backfillSearch().then(
    (filled) => filled > 0 && console.log(JSON.stringify({ level: 'info', message: 'review search: notes indexed', filled })),
    (error: unknown) =>
      console.error(JSON.stringify({ level: 'warn', message: 'review search: notes not indexed', error: String(error).slice(0, 300) })),
  );

  // A production server asks itself for each article once it listens (lib/http/warm-up.ts); WARM_UP=0 turns it off.
  if (process.env.WARM_UP !== '0') {
    const { warmUp } = await import('@/lib/http/warm-up');
    const { warmUpPaths } = await import('@/lib/http/warm-up-paths');
    void warmUp(warmUpPaths()).then((result) => console.log(JSON.stringify({ level: 'info', message: 'warm-up', ...result })));
  }
}
