// What a server does as it starts, as `npm start` and `npm run reader` run it on SQLite: it stops on
// bad configuration naming the variable, repairs stored fields written before today's limits,
// warns about demo moderators, and never writes 0.0.0.0 into what it serves.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startInstance } from '../../scripts/deploy/instance';
import { signUp } from '../../scripts/test/accounts';
import { raisedLimits } from '../../scripts/test/raised-limits';
import { annotationBody } from '../api/api-fixtures';
import { clusterSecret } from './cluster';

const slug = 'deepseek-capex';
const port = Number(process.env.E2E_PORT ?? 3210) + 80;
test.describe.configure({ mode: 'serial' });

let folder: string;
let databaseFile: string;
test.beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-startup-'));
  databaseFile = path.join(folder, 'reader.db');
});
test.afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const baseEnv = () => ({
  DATABASE_URL: `file:${databaseFile}`,
  BETTER_AUTH_SECRET: clusterSecret,
  LOG_REQUESTS: '0',
  WARM_UP: '0',
  ...raisedLimits,
});

/** Runs `npm start` until it exits (or 90 s pass); its exit code and everything it printed. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'start'], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

for (const [variable, value] of [
  ['RATE_LIMIT_WRITES', 'lots'],
  ['TRUSTED_PROXIES', 'the-proxy'],
  ['BETTER_AUTH_URL', 'reader.example.com'],
  ['LIVE_STREAMS_PER_ADDRESS', '0'],
]) {
  test(`a malformed ${variable} stops the server at start, naming the variable`, async () => {
    test.setTimeout(120_000);
    const { code, output } = await runToExit({ ...baseEnv(), [variable]: value });
    expect(code).not.toBe(0);
    expect(output).toContain(variable);
    expect(output).toMatch(/configuration:/);
  });
}

test('display names stored before names had a limit are cut at start, and every page still answers', async () => {
  test.setTimeout(180_000);
  const logFile = path.join(folder, 'server.log');
  let instance = await startInstance({ port, env: baseEnv(), logFile });
  const cookie = await signUp(instance.url, 'Longname');
  await signUp(instance.url, 'Other');
  for (let i = 0; i < 30; i++) {
    const response = await fetch(`${instance.url}/api/articles/${slug}/annotations`, {
      method: 'POST',
      headers: { cookie, 'Content-Type': 'application/json', Origin: instance.url },
      body: JSON.stringify(annotationBody('en', 'Nvidia', { visibility: 'shared', body: `note ${i}` })),
    });
    expect(response.status).toBe(201);
  }
  await instance.stop();
  // What an older server let through: a 1 MB name on the notes' author, a 5 MB one on another reader.
  const db = new Database(databaseFile);
  db.prepare('UPDATE "User" SET "name" = ? WHERE "name" = ?').run('n'.repeat(1_000_000), 'Longname');
  db.prepare('UPDATE "User" SET "name" = ?, "image" = ? WHERE "name" = ?').run('m'.repeat(5_000_000), 'i'.repeat(100_000), 'Other');
  db.close();

  instance = await startInstance({ port, env: baseEnv(), logFile });
  try {
    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toMatch(/2 display name\(s\) longer than 64 characters were cut to 64/);
    const list = await fetch(`${instance.url}/api/articles/${slug}/annotations`);
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text.length).toBeLessThan(200_000);
    expect(JSON.parse(text).annotations.every((note: { author: { name: string } }) => note.author.name.length <= 64)).toBe(true);
    for (const page of [`/en/articles/${slug}/review`, `/zh/articles/${slug}`])
      expect((await fetch(`${instance.url}${page}`)).status, page).toBe(200);
    const session = await fetch(`${instance.url}/api/auth/get-session`, { headers: { cookie } });
    expect(((await session.json()) as { user: { name: string } }).user.name).toBe('n'.repeat(64));
    expect(instance.running()).toBe(true);
  } finally {
    await instance.stop();
  }
});

test('demo data: random passwords printed once and kept private, demo moderators named at start, ids never 0.0.0.0', async () => {
  test.setTimeout(180_000);
  const accountsFile = path.join(folder, 'demo-accounts.txt');
  const env = { ...baseEnv(), DEMO_ACCOUNTS_FILE: accountsFile };
  expect(spawnSync('npm', ['run', '--silent', 'db:migrate'], { env: { ...process.env, ...env } }).status).toBe(0);
  const seed = spawnSync('npm', ['run', '--silent', 'db:seed'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(seed.status, seed.stderr).toBe(0);
  const line = seed.stdout.split('\n').find((l) => l.includes('zhou.min@example.com'))!;
  const demoPassword = line.trim().split(/\s+/)[1];
  expect(demoPassword).toMatch(/^[A-Za-z0-9_-]{18}$/);
  expect(fs.readFileSync(accountsFile, 'utf8')).toContain(demoPassword);
  expect(fs.statSync(accountsFile).mode & 0o777).toBe(0o600);
  // Nothing in the repository holds it.
  expect(spawnSync('git', ['grep', '-q', demoPassword]).status).toBe(1);

  // On every interface, as a careless `HOST=0.0.0.0` would run it.
  const logFile = path.join(folder, 'server.log');
  const instance = await startInstance({ port, env, logFile, host: '0.0.0.0' });
  try {
    expect(fs.readFileSync(logFile, 'utf8')).toMatch(/demo moderator account\(s\) present: zhou\.min@example\.com/);
    const signIn = await fetch(`http://localhost:${port}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${port}` },
      body: JSON.stringify({ email: 'zhou.min@example.com', password: demoPassword }),
    });
    expect(signIn.status).toBe(200);
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const exported = await (await fetch(`${origin}/api/articles/${slug}/annotations/export?format=jsonld`)).text();
      expect(exported).not.toContain('0.0.0.0');
      expect(exported).toContain(`"${origin}/api/annotations/`);
    }
  } finally {
    await instance.stop();
  }
});
