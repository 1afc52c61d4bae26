import { execFileSync } from 'node:child_process';

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
