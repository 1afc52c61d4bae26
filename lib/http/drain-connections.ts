import type http from 'node:http';
import { processHttpServers } from './process-servers';

/**
 * After SIGTERM, Next's `server.close()` stops new connections, but Node keeps serving requests on
 * connections already open (a proxy's keep-alive pool, a browser's) and keeps each open for the
 * keep-alive timeout after its last answer: behind nginx, a stopping instance would go on serving
 * and never exit. So this finds the process's HTTP servers (process-servers.ts) and makes every
 * answer from now on close its connection: in-flight requests finish, then the connections end and
 * the process can exit. nginx opens new connections to the other instances.
 * Connections still open after `forceAfterMs` are cut. (Connections idle at the time are closed
 * by Next's `server.close()`.)
 */
export function stopKeepingConnectionsAlive({ forceAfterMs = 5_000 } = {}): number {
  const servers = processHttpServers();
  for (const server of servers) {
    // Answers already under way: their connection closes as soon as they are done.
    server.keepAliveTimeout = 1;
    // Answers to requests that still arrive on open connections say `Connection: close`.
    server.prependListener('request', (_request, response: http.ServerResponse) => {
      response.shouldKeepAlive = false;
    });
    // A deadline for the rest: an answer that never ends (a stream whose client vanished without
    // closing its socket) would otherwise hold the process until the process manager kills it.
    setTimeout(() => server.closeAllConnections(), forceAfterMs).unref();
  }
  return servers.length;
}
