import { startInstance } from './scripts/deploy/instance';
const env = { DATABASE_URL: 'file:.data/try.db', BETTER_AUTH_SECRET: 'x'.repeat(40), LOG_REQUESTS: '0' };
const a = await startInstance({ port: 3401, env });
const mode = process.env.MODE;
if (mode === 'events') {
  const c = new AbortController();
  const r = await fetch(a.url + '/api/articles/deepseek-capex/events', { signal: c.signal });
  const reader = r.body!.getReader(); await reader.read(); c.abort();
} else {
  await (await fetch(a.url + '/api/session')).text();
}
await new Promise(r => setTimeout(r, 500));
const t = Date.now();
await a.stop('SIGTERM', 30_000).catch(e => console.log(String(e)));
console.log(mode, 'stopped after', Date.now() - t);
