// A real HTTP server and a keep-alive client: after the call, an answer in flight and every later
// answer close their connection, so the server's close() completes at once instead of after the
// keep-alive timeout.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { stopKeepingConnectionsAlive } from '@/lib/http/drain-connections';

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

function get(port: number, agent: http.Agent): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.headers.connection));
      })
      .on('error', reject);
  });
}

it('ends kept-alive connections once their answers are done, and the server closes promptly', async () => {
  server = http.createServer((_request, response) => setTimeout(() => response.end('ok'), 200));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  expect(await get(port, agent)).toBe('keep-alive');
  const inFlight = get(port, agent);
  await new Promise((resolve) => setTimeout(resolve, 50));

  const started = Date.now();
  const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
  expect(stopKeepingConnectionsAlive()).toBeGreaterThanOrEqual(1);
  await inFlight;
  await closed;
  expect(Date.now() - started).toBeLessThan(2_000);
  agent.destroy();
});

it('cuts connections whose answers never end, after the deadline', async () => {
  server = http.createServer((_request, response) => response.write('never ends'));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cut = new Promise<string>((resolve) => {
    http.get({ port }, (response) =>
      response
        .on('data', () => {})
        .on('error', () => resolve('cut'))
        .on('close', () => resolve('cut')),
    );
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = Date.now();
  const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
  stopKeepingConnectionsAlive({ forceAfterMs: 300 });
  expect(await cut).toBe('cut');
  await closed;
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  expect(Date.now() - started).toBeLessThan(2_000);
});

it('answers requests that still arrive on an open connection with Connection: close', async () => {
  server = http.createServer((_request, response) => setTimeout(() => response.end('ok'), 100));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const request = 'GET / HTTP/1.1\r\nHost: test\r\n\r\n';
  socket.write(request);
  await new Promise((resolve) => setTimeout(resolve, 30));
  stopKeepingConnectionsAlive();
  socket.write(request); // pipelined behind the first, which is still being answered
  await ended; // the server closed the connection after the second answer
  const answers = received.split('HTTP/1.1 200 OK').slice(1);
  expect(answers).toHaveLength(2);
  expect(answers[0]).toMatch(/Connection: keep-alive/i);
  expect(answers[1]).toMatch(/Connection: close/i);
});
