import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startInstance, type Instance } from '../../scripts/deploy/instance';
import { startPrivatePostgres, type PrivatePostgres } from '../../scripts/deploy/private-postgres';
import { startProxy, type Proxy } from '../../scripts/deploy/proxy';

// Production as README describes it, on this machine: a PostgreSQL server of the test's own (so it
// can be stopped without disturbing other suites), `npm start` instances on loopback, and nginx in
// front. Each spec takes a slot, which gives it its own ports.
const base = Number(process.env.E2E_PORT ?? 3210);

export type Cluster = {
  /** nginx's address: what readers use. */
  url: string;
  postgres: PrivatePostgres;
  instances: Instance[];
  proxy: Proxy;
  /** nginx's files (its access log: access.log) and the instances' logs. */
  folder: string;
  /** Starts instance `index` again after it was stopped or killed. */
  restart(index: number): Promise<Instance>;
  stop(): Promise<void>;
};

export const clusterSecret = 'ops-secret-ops-secret-ops-secret-0123456';

export async function startCluster({
  slot,
  instances = 2,
  env = {},
}: {
  slot: number;
  instances?: number;
  env?: Record<string, string>;
}): Promise<Cluster> {
  const proxyPort = base + 100 + slot * 10;
  const ports = Array.from({ length: instances }, (_, i) => proxyPort + 1 + i);
  const postgres = startPrivatePostgres(base + 2230 + slot);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-nginx-'));
  // nginx reaches the instances from loopback: they believe its X-Forwarded-For (README, Security).
  const instanceEnv = {
    DATABASE_URL: postgres.url,
    BETTER_AUTH_SECRET: clusterSecret,
    LOG_REQUESTS: '0',
    TRUSTED_PROXIES: '127.0.0.1',
    ...env,
  };
  // The instances' logs (a fault test makes hundreds of warnings), kept with nginx's files.
  const logOf = (port: number) => path.join(folder, `instance-${port}.log`);
  const started: Instance[] = [];
  let proxy: Proxy | undefined;
  const stop = async () => {
    await Promise.allSettled(started.map((instance) => instance.stop('SIGKILL')));
    await proxy?.stop();
    postgres.destroy();
    // KEEP_CLUSTER_FILES=1 keeps nginx's and the instances' logs for a look after a failure.
    if (!process.env.KEEP_CLUSTER_FILES) fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    // All at once, as a deployment would: each applies the migrations, one at a time (advisory lock).
    started.push(...(await Promise.all(ports.map((port) => startInstance({ port, env: instanceEnv, logFile: logOf(port) })))));
    proxy = await startProxy({ port: proxyPort, upstreams: ports, folder });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: proxy.url,
    postgres,
    instances: started,
    proxy,
    folder,
    async restart(index) {
      const instance = await startInstance({ port: ports[index], env: instanceEnv, logFile: logOf(ports[index]) });
      started[index] = instance;
      return instance;
    },
    stop,
  };
}
