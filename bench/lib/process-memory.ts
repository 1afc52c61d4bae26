import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { groupProcesses } from '../../scripts/deploy/process-group';

/** Resident memory (MB) of every process in a process group: the server and its workers. */
export function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' });
    return (
      out
        .split('\n')
        .map((line) => Number(line.trim()) || 0)
        .reduce((a, b) => a + b, 0) / 1024
    );
  } catch {
    return NaN;
  }
}

/** Samples a process group's memory every 250 ms until stopped; returns the peak. */
export function samplePeakRss(pgid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRssMb(pgid));
  }, 250);
  return () => {
    clearInterval(timer);
    return Math.max(peak, groupRssMb(pgid));
  };
}

/** Resident memory (MB) of the Next server in a process group (`next-server`), leaving out npm and the shell that started it. */
export function serverRssMb(pgid: number): number {
  let total = 0;
  for (const { pid, name } of groupProcesses(pgid)) {
    if (!name.startsWith('next-server')) continue;
    try {
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += rss ? Number(rss[1]) / 1024 : 0;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Samples the server's memory in a process group every 250 ms until stopped; returns the peak. */
export function samplePeakServerRss(pgid: number) {
  let peak = serverRssMb(pgid);
  const timer = setInterval(() => (peak = Math.max(peak, serverRssMb(pgid))), 250);
  return () => {
    clearInterval(timer);
    return Math.max(peak, serverRssMb(pgid));
  };
}

/**
 * Samples a process group's memory every 250 ms and keeps the peak of each named phase, so a report
 * can say where the memory goes (seeding, browsing, reading lists, creating) and not only how much.
 */
export function samplePhasePeaks(pgid: number) {
  const peaks = new Map<string, number>();
  let phase = 'start';
  const sample = () => peaks.set(phase, Math.max(peaks.get(phase) ?? 0, groupRssMb(pgid)));
  const timer = setInterval(sample, 250);
  return {
    /** Starts a new phase: later samples count towards it. */
    phase(name: string) {
      sample();
      phase = name;
      sample();
    },
    /** Stops sampling: the peak over all phases, and each phase's. */
    stop() {
      clearInterval(timer);
      sample();
      return { peak: Math.max(...peaks.values()), phases: [...peaks] };
    },
  };
}
