import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from './wait';

// Relative to the project root, where npm scripts and the test runners work.
const template = path.resolve('deploy/nginx.conf');

/** Where nginx listens, the instances it sends to, its folder, and whether it caches public answers. */
type ProxyOptions = {
  port: number;
  upstreams: number[];
  folder: string;
  cache?: boolean;
};

/** deploy/nginx.conf with its fields filled in; `cache: false` leaves its caching of public answers out (for comparisons). */
export function nginxConfig({ port, upstreams, folder, cache = true }: ProxyOptions): string {
  const servers = upstreams.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=2s;`).join('\n');
  const text = fs.readFileSync(template, 'utf8');
  return (
    cache
      ? text
      : text.replace(
          /^\s*(proxy_cache\b(?!_path)|proxy_cache_(methods|key|valid|revalidate|lock|use_stale|background_update)\b|proxy_ignore_headers\b).*\n/gm,
          '',
        )
  )
    .replaceAll('{{FOLDER}}', folder)
    .replaceAll('{{PORT}}', String(port))
    .replaceAll('{{UPSTREAMS}}', servers);
}

export type Proxy = { url: string; stop(): Promise<void> };

/** nginx (Debian's) on 127.0.0.1:`port` in front of the instances on `upstreams`, its files in `folder`. */
export async function startProxy({ port, upstreams, folder, cache = true }: ProxyOptions): Promise<Proxy> {
  fs.mkdirSync(folder, { recursive: true });
  // nginx's workers drop root for an unprivileged user, who must reach the cache (the folder may be
  // a private temporary one).
  fs.chmodSync(folder, 0o755);
  fs.mkdirSync(path.join(folder, 'cache'), { recursive: true });
  fs.chmodSync(path.join(folder, 'cache'), 0o777);
  const config = path.join(folder, 'nginx.conf');
  fs.writeFileSync(config, nginxConfig({ port, upstreams, folder, cache }));
  const test = spawnSync('nginx', ['-t', '-q', '-c', config, '-p', folder], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused ${config}: ${test.stderr || test.error}`);

  const nginx = spawn('nginx', ['-c', config, '-p', folder], { stdio: ['ignore', 'ignore', 'inherit'] });
  let running = true;
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve(void (running = false))));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`nginx on ${url}`, async () => {
    if (!running) throw new Error(`nginx on port ${port} exited at start (see its messages above)`);
    return (await fetch(`${url}/api/health`).catch(() => undefined)) !== undefined;
  });
  return {
    url,
    async stop() {
      nginx.kill('SIGQUIT'); // graceful: finishes open requests
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      nginx.kill('SIGKILL');
    },
  };
}
