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

/** The machine's CPU time so far, busy and in all (os.cpus() times, every core). */
function cpuTimes() {
  let busy = 0;
  let all = 0;
  for (const { times } of os.cpus()) {
    const sum = times.user + times.nice + times.sys + times.irq + times.idle;
    all += sum;
    busy += sum - times.idle;
  }
  return { busy, all };
}

/** Starts measuring how busy the machine's cores are; the returned function gives the share (0–1) since. */
export function measureCpuBusy(): () => number {
  const start = cpuTimes();
  return () => {
    const end = cpuTimes();
    return (end.busy - start.busy) / Math.max(1, end.all - start.all);
  };
}
