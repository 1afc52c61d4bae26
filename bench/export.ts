/**
 * `npm run bench:export`: the server's memory while it streams exports of an article with many shared
 * notes (issue 11: with 100,000, peak resident memory during an export rises under 50 MB over idle).
 * Seeds --notes (default 100,000) with `db:seed:many` into a new SQLite file, starts `next start`
 * (160 MB heap cap), warms it with one export, then downloads each format in turn, one also by a
 * client reading at 1 MB/s, sampling the server's resident memory every 100 ms. Writes bench/RESULTS.md.
 * Options: --no-build, --notes=N.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { listeningPid, processMemoryMb } from '../scripts/test/server-process';
import { describeMachine } from './lib/machine';
import { startNextServer } from './lib/next-server';
import { writeResultsSection } from './lib/results';
import { benchArgs } from './lib/args';

const args = benchArgs();
const notes = Number(args.get('notes') ?? 100_000);
const port = Number(process.env.BENCH_PORT ?? 3300) + 3;
const slug = 'deepseek-capex';

type Download = { format: string; bytes: number; seconds: number; peakMb: number };

/** Downloads one export, at most `bytesPerSecond` (a slow reader) if given, sampling the server's memory. */
function download(origin: string, pid: number, format: string, bytesPerSecond?: number): Promise<Download> {
  return new Promise((resolve, reject) => {
    let peak = processMemoryMb(pid).rss;
    const sampler = setInterval(() => (peak = Math.max(peak, processMemoryMb(pid).rss)), 100);
    const started = performance.now();
    http
      .get(`${origin}/api/articles/${slug}/annotations/export?format=${format}`, (response) => {
        let bytes = 0;
        let windowStart = performance.now();
        let windowBytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          windowBytes += chunk.length;
          if (!bytesPerSecond) return;
          // Pause long enough to keep to the rate: the server must wait, not buffer.
          const due = (windowBytes / bytesPerSecond) * 1000 - (performance.now() - windowStart);
          if (due > 0) {
            response.pause();
            setTimeout(() => response.resume(), due);
          }
          if (performance.now() - windowStart > 1000) [windowStart, windowBytes] = [performance.now(), 0];
        });
        response.on('end', () => {
          clearInterval(sampler);
          resolve({
            format: `${format}${bytesPerSecond ? ` at ${bytesPerSecond / 1e6} MB/s` : ''}`,
            bytes,
            seconds: (performance.now() - started) / 1000,
            peakMb: Math.max(peak, processMemoryMb(pid).rss),
          });
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-export-'));
  const env = {
    DATABASE_URL: `file:${path.join(folder, 'reader.db')}`,
    BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-12',
    LOG_REQUESTS: '0',
    WARM_UP: '0',
  };
  try {
    for (const [script, ...rest] of [['db:migrate'], ['db:seed:many', '--', `--notes=${notes}`, `--replies=${Math.round(notes / 5)}`]]) {
      const run = spawnSync('npm', ['run', script, ...rest], { stdio: 'inherit', env: { ...process.env, ...env } });
      if (run.status !== 0) throw new Error(`${script} failed`);
    }
    const server = await startNextServer({ port, build: !args.has('no-build'), env });
    const pid = listeningPid(port);
    if (!pid) throw new Error('no server listens');
    try {
      // The first export compiles Prisma's queries and loads the route (tens of MB, once).
      await download(server.origin, pid, 'csv', 50e6);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const idle = processMemoryMb(pid).rss;
      const downloads: Download[] = [];
      for (const [format, rate] of [['jsonld'], ['md'], ['csv'], ['jsonld', 1e6]] as [string, number?][]) {
        console.log(`export ${format}${rate ? ' (slow reader)' : ''}…`);
        downloads.push(await download(server.origin, pid, format, rate));
        if (listeningPid(port) !== pid) throw new Error(`the server exited during the ${format} export`);
      }
      const rows = downloads.map(
        (d) =>
          `| ${d.format} | ${(d.bytes / 1e6).toFixed(0)} MB | ${d.seconds.toFixed(1)} s | ${d.peakMb.toFixed(0)} MB | +${(d.peakMb - idle).toFixed(0)} MB | < +50 MB |`,
      );
      const markdown = [
        '## bench:export (issue 11)',
        '',
        `${new Date().toISOString().slice(0, 10)}, ${describeMachine()}. ${notes.toLocaleString('en')} shared notes and ${Math.round(notes / 5).toLocaleString('en')} replies on one article (SQLite), one \`next start\` (160 MB heap cap); server idle after one warming export: ${idle.toFixed(0)} MB resident. The server stayed the same process throughout.`,
        '',
        '| export | size | time | server peak RSS | over idle | budget |',
        '|---|---|---|---|---|---|',
        ...rows,
      ].join('\n');
      console.log(markdown);
      writeResultsSection('bench:export', markdown);
    } finally {
      server.stop();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
