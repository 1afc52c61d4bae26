import http from 'node:http';

export type RawRequest = {
  url: string;
  method: string;
  headers?: Record<string, string>;
  /** The body, sent with Content-Length unless `chunked`. */
  body?: Buffer;
  /** Send the body with Transfer-Encoding: chunked (no length declared), in pieces of 64 KB. */
  chunked?: boolean;
  timeoutMs?: number;
};

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string };

/**
 * One HTTP request as an attacker sends it: any method, any body, declared or chunked, with nothing
 * added. Resolves with the answer as soon as it is complete, even if the server stopped reading the
 * body (a 413 sent early): what the client was still writing then may fail, which is the server's
 * right. Rejects when no answer came (connection reset before any status, or timeout).
 */
export function rawRequest({ url, method, headers = {}, body, chunked = false, timeoutMs = 60_000 }: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing: Record<string, string> = { ...headers };
    if (body && !chunked) outgoing['Content-Length'] = String(body.length);
    if (body && chunked) outgoing['Transfer-Encoding'] = 'chunked';
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method,
      headers: outgoing,
      agent: false,
    });
    let answered = false;
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer to ${method} ${target.pathname} in ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
        request.destroy();
      });
      response.on('error', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    // An answer to CONNECT comes as 'connect' (Node's client expects a tunnel), with the body on the socket.
    request.on('connect', (response: http.IncomingMessage, socket, head: Buffer) => {
      answered = true;
      const chunks: Buffer[] = [head];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', (error) => {
      if (answered) return; // the answer came; the server closed while we were still writing
      clearTimeout(timer);
      reject(error);
    });
    if (!body) return void request.end();
    if (!chunked) return void request.end(body);
    // Chunked: written piece by piece, waiting for the socket to drain, stopping once answered.
    void (async () => {
      for (let at = 0; at < body.length && !answered && !request.destroyed; at += 64 * 1024) {
        if (!request.write(body.subarray(at, at + 64 * 1024)))
          await new Promise<void>((resolve) => {
            const done = () => {
              request.off('drain', done).off('close', done);
              resolve();
            };
            request.on('drain', done).on('close', done);
          });
      }
      if (!request.destroyed) request.end();
    })();
  });
}
