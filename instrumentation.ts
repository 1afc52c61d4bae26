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
  // Next's own handler stops accepting connections and waits for open responses to finish; live
  // event streams never finish by themselves, so they are ended here and their browsers reconnect.
  const endStreams = () => {
    const count = closeAllEventStreams();
    console.log(JSON.stringify({ level: 'info', message: 'shutting down: live event streams ended', count }));
  };
  process.once('SIGTERM', endStreams);
  process.once('SIGINT', endStreams);
}
