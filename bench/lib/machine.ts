import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** One line naming the machine a figure was measured on. */
export function describeMachine(chromiumPath?: string): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  let browser = '';
  if (chromiumPath) {
    try {
      browser = `, ${execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim()}`;
    } catch {
      browser = '';
    }
  }
  return `${os.cpus().length} × ${cpu}, ${memory}, ${os.type()} ${os.release()}, Node ${process.version}${browser}`;
}
