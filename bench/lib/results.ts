import fs from 'node:fs';
import path from 'node:path';

const resultsFile = path.join(process.cwd(), 'bench', 'RESULTS.md');
const header =
  '# Benchmark results\n\nLatest figures of each benchmark, written by the benchmark itself. Budgets are in the issues; tests do not time anything.\n';

/** Replaces (or appends) one benchmark's section of bench/RESULTS.md, leaving the others alone. */
export function writeResultsSection(name: string, markdown: string) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : header;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(resultsFile, next);
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Runs `run` `times` times, one after another: the median and the 99th percentile of its durations (ms). */
export async function timed(times: number, run: (i: number) => Promise<void>) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return { p50: median(samples), p99: percentile(samples, 99) };
}
