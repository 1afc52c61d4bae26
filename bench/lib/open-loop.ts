import http from 'node:http';

// An open-loop load generator: each client (one keep-alive connection) sends requests at random
// (Poisson) moments at a set mean rate, whatever the server's speed, as people do; autocannon's
// clients instead send the next request when the last is answered (a closed loop, in which latency
// is just connections ÷ throughput once the server is saturated) or, with a rate, all at the start
// of each second together. A request due while the connection still waits for the previous one is
// sent when that one ends, and its latency counts from when it was due (no coordinated omission).

export type PlannedRequest = { method?: string; path: string; headers?: Record<string, string>; body?: string };
export type OpenLoopClient = { kind: string; rate: number; headers?: Record<string, string>; next: () => PlannedRequest };
export type KindResult = {
  kind: string;
  clients: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers by status, timeouts and connection errors. */
  errors: number;
  what: string;
};

type Outcome = { status: number } | { failure: 'timeout' | 'error' };

function send(origin: string, agent: http.Agent, request: PlannedRequest, headers: Record<string, string>, timeoutMs: number) {
  return new Promise<Outcome>((resolve) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const outgoing = http.request(new URL(request.path, origin), {
      method: request.method ?? 'GET',
      agent,
      headers: { ...headers, ...request.headers, ...(body && { 'Content-Length': String(body.length) }) },
    });
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    outgoing.setTimeout(timeoutMs, () => {
      settle({ failure: 'timeout' });
      outgoing.destroy();
    });
    outgoing.on('error', () => settle({ failure: 'error' }));
    outgoing.on('response', (response) => {
      response.on('data', () => undefined);
      response.on('end', () => settle({ status: response.statusCode ?? 0 }));
      response.on('error', () => settle({ failure: 'error' }));
    });
    outgoing.end(body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the clients for `seconds` against `origin`; per kind of client: requests, p50/p99 (ms), errors. */
export async function runOpenLoop(
  origin: string,
  clients: OpenLoopClient[],
  { seconds, timeoutMs = 10_000 }: { seconds: number; timeoutMs?: number },
) {
  const latencies = new Map<string, number[]>();
  const problems = new Map<string, Map<string, number>>();
  const start = performance.now() + 200;
  const end = start + seconds * 1000;
  const drive = async (client: OpenLoopClient) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const mean = 1000 / client.rate;
    const own = latencies.get(client.kind) ?? latencies.set(client.kind, []).get(client.kind)!;
    const wrong = problems.get(client.kind) ?? problems.set(client.kind, new Map()).get(client.kind)!;
    // The first request at a random moment of the first interval, so that clients do not start together.
    let due = start + Math.random() * mean;
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const outcome = await send(origin, agent, client.next(), client.headers ?? {}, timeoutMs);
      own.push(performance.now() - due);
      const problem = 'failure' in outcome ? outcome.failure : outcome.status >= 300 ? String(outcome.status) : null;
      if (problem) wrong.set(problem, (wrong.get(problem) ?? 0) + 1);
      due += -Math.log(1 - Math.random()) * mean;
    }
    agent.destroy();
  };
  await Promise.all(clients.map(drive));
  return [...latencies].map(([kind, values]): KindResult => {
    const sorted = values.sort((a, b) => a - b);
    const wrong = problems.get(kind)!;
    return {
      kind,
      clients: clients.filter((c) => c.kind === kind).length,
      requests: values.length,
      rps: values.length / seconds,
      p50: Math.round(percentile(sorted, 50) * 10) / 10,
      p99: Math.round(percentile(sorted, 99) * 10) / 10,
      errors: [...wrong.values()].reduce((sum, n) => sum + n, 0),
      what: [...wrong]
        .map(([problem, count]) =>
          problem === 'timeout'
            ? `${count} timeouts (${timeoutMs / 1000} s)`
            : problem === 'error'
              ? `${count} connection errors`
              : `${problem} ×${count}`,
        )
        .join(', '),
    };
  });
}
