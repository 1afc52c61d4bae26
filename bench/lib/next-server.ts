import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

type ServeConfig = { serverHeapMb: string; mallocArenaMax: string };
const serveConfig = () => (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { config: ServeConfig }).config;

/** The V8 heap cap `npm run serve` (the production start) gives the server: package.json config.serverHeapMb. */
export function serverHeapMb(): number {
  return Number(process.env.SERVER_HEAP_MB ?? serveConfig().serverHeapMb);
}

/** The glibc malloc arena cap `npm run serve` gives the server: package.json config.mallocArenaMax. */
export function mallocArenaMax(): string {
  return process.env.MALLOC_ARENA_MAX ?? serveConfig().mallocArenaMax;
}

/** Builds the app (unless told not to; `npm run build`, with the CSP hashes) and starts `next start`; resolves once it answers. */
export async function startNextServer({
  port,
  build = true,
  env = {},
  nodeArgs = [],
}: {
  port: number;
  build?: boolean;
  env?: Record<string, string>;
  /** Extra options for Node, such as `--cpu-prof` when profiling the server. */
  nodeArgs?: string[];
}) {
  if (build) {
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error('npm run build failed');
  }
  // Node runs Next directly (no npm or npx in between), so the process group is the server alone; it
  // gets the heap cap and malloc arenas `npm run serve` gives it in production.
  const args = [
    `--max-old-space-size=${serverHeapMb()}`,
    ...nodeArgs,
    'node_modules/next/dist/bin/next',
    'start',
    '-p',
    String(port),
    '-H',
    '127.0.0.1',
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, MALLOC_ARENA_MAX: mallocArenaMax(), ...env },
    // Its log lines are not read: a pipe nobody drains would block the server once full.
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/zh`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    origin,
    pid: child.pid!,
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
