import net from 'node:net';

/** The PostgreSQL server tests use: TEST_DATABASE_URL's server, else the local one at 127.0.0.1:5432. */
export const testPostgresServer = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/** Resolves whether a TCP connection to the server opens within a second. */
export function postgresReachable(url = testPostgresServer): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
