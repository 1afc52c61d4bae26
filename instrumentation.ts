// Runs once when a server process starts (Next's instrumentation hook).

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // A production server without the script hashes of this build says so as it starts (proxy.ts
  // then allows inline scripts everywhere). `next build` runs this too, before the hashes exist.
  if (process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { loadCspManifest } = await import('./lib/csp/load-manifest');
    loadCspManifest();
  }
  const { closeAllEventStreams } = await import('./lib/live/event-stream');
  const { stopKeepingConnectionsAlive } = await import('./lib/http/drain-connections');
  // Next's own handler stops accepting connections and waits for open ones to finish. Live event
  // streams never finish by themselves, so they are ended here and their browsers reconnect; and
  // kept-alive connections (nginx's pool) are closed after their answers, or Node would keep them,
  // and the process, alive.
  const shutDown = () => {
    const servers = stopKeepingConnectionsAlive();
    const count = closeAllEventStreams();
    console.log(JSON.stringify({ level: 'info', message: 'shutting down: live event streams ended, connections closing', count, servers }));
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);

  // A production server asks itself for each article once it listens (lib/http/warm-up.ts); WARM_UP=0 turns it off.
  if (process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build' && process.env.WARM_UP !== '0') {
    const { warmUp } = await import('./lib/http/warm-up');
    const { warmUpPaths } = await import('./lib/http/warm-up-paths');
    void warmUp(warmUpPaths()).then((result) => console.log(JSON.stringify({ level: 'info', message: 'warm-up', ...result })));
  }
}
