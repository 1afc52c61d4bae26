import net from 'node:net';
import { serverUrl } from '../db/postgres-server';

/**
 * The PostgreSQL server tests use, without a database: TEST_DATABASE_URL's server (the one variable
 * that names it, scripts/db/postgres-server.ts), else the local one at 127.0.0.1:5432.
 */
export const testPostgresServer = serverOrigin(serverUrl());

function serverOrigin(url: string): string {
  const u = new URL(url);
  u.pathname = '';
  u.search = '';
  return u.toString().replace(/\/$/, '');
}

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
