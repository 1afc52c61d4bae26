import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// A plain Node HTTP server, in a process of its own, that answers every request with the same bytes:
// what serving a body of that size costs with no framework, no session and no database. Comparing
// a route against it separates the route's own cost from the load generator's (which parses every
// byte on the same cores).
const script = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
http.createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(body);
}).listen(Number(process.argv[2]), '127.0.0.1', () => process.send('ready'));
`;

export async function startPlainServer(body: Uint8Array, port: number) {
  const file = path.join('.data', `plain-body-${port}.json`);
  fs.mkdirSync('.data', { recursive: true });
  fs.writeFileSync(file, body);
  const child = spawn(process.execPath, ['-e', script, file, String(port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`plain server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => {
      child.kill();
      fs.rmSync(file, { force: true });
    },
  };
}
