// Runs once when a server process starts (Next's instrumentation hook).

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
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
