import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { groupProcesses } from './process-group';
import { waitFor } from './wait';

/** Whether any process of the group still runs (zombies count as gone). */
function groupAlive(group: number): boolean {
  if (fs.existsSync('/proc/self/stat')) return groupProcesses(group).length > 0;
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

export type Instance = {
  port: number;
  /** The process group of `npm start` and the server it runs. */
  group: number;
  url: string;
  /** Stops the instance (all its processes) with `signal`, and waits until they are gone. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
  /** Whether any of its processes still runs. */
  running(): boolean;
};

/**
 * One app instance as production runs it: `npm start` (migrations, then `next start` on the build
 * in .next) with PORT and HOST=127.0.0.1, in a process group of its own so that a signal reaches
 * the server itself, not only npm. Resolves once /api/health answers 200.
 */
export async function startInstance({
  port,
  env,
  command = 'start',
  logFile,
  host = '127.0.0.1',
}: {
  port: number;
  env: Record<string, string>;
  command?: string;
  /** The address it listens on (HOST): loopback, as behind a proxy on the same machine. */
  host?: string;
  /** Where its output goes (appended); by default its stderr goes to ours and its stdout nowhere. */
  logFile?: string;
}): Promise<Instance> {
  const log = logFile ? fs.openSync(logFile, 'a') : undefined;
  const child = spawn('npm', ['run', '--silent', command], {
    env: { ...process.env, ...env, PORT: String(port), HOST: host },
    detached: true,
    stdio: ['ignore', log ?? 'ignore', log ?? 'inherit'],
  });
  if (log !== undefined) fs.closeSync(log); // the child has its own descriptor
  const group = child.pid!;
  const running = () => groupAlive(group);
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    port,
    group,
    url,
    running,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (!running()) return;
      process.kill(-group, signal);
      try {
        await waitFor(`instance ${port} to stop`, async () => !running(), timeoutMs);
      } catch (error) {
        if (running()) process.kill(-group, 'SIGKILL');
        throw error;
      }
    },
  };
  try {
    await waitFor(
      `instance on ${url}`,
      async () => {
        if (!running()) throw new Error(`the instance on port ${port} exited before it was ready`);
        return (await fetch(`${url}/api/health`).catch(() => undefined))?.status === 200;
      },
      120_000,
    );
  } catch (error) {
    if (running()) process.kill(-group, 'SIGKILL');
    throw error;
  }
  return instance;
}
