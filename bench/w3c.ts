/**
 * `npm run bench:w3c`: what the W3C Web Annotation Protocol container costs as the article gathers
 * notes (issue 18), for N = 100 and 100,000 shared notes (`--notes=` a comma-separated list), on
 * SQLite and on PostgreSQL (`--only=sqlite|postgresql`), side by side in one run. A script with a
 * read-write API token reads the container's description (contained descriptions, and minimal), its
 * first and last pages of 200, a page in the middle (by cursor), one annotation, and creates and
 * replaces annotations: 30 requests each, one after another, p50 and p99 (the second slowest).
 * Ratios against the smallest N of the same database: what grows with N is what the caller pays
 * for notes it does not look at. Writes bench/RESULTS.md. Options: --no-build, --notes=, --only=.
 */
import { chromiumPath } from '../scripts/test/chromium';
import { benchPassword, signUp } from '../scripts/test/accounts';
import { raisedLimits } from '../scripts/test/raised-limits';
import { benchArgs } from './lib/args';
import { describeMachine } from './lib/machine';
import { noteBody } from './lib/note-body';
import { buildUnlessSkipped, onSeededServer } from './lib/seeded-server';
import { timed, writeResultsSection } from './lib/results';

const args = benchArgs();
const sizes = (args.get('notes') ?? '100,100000').split(',').map(Number);
const databases = (args.get('only') ? [args.get('only')] : ['sqlite', 'postgresql']) as ('sqlite' | 'postgresql')[];
const port = Number(process.env.BENCH_PORT ?? 3302);
const slug = 'deepseek-capex';
const env = { BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-03', LOG_REQUESTS: '0', WARM_UP: '0', ...raisedLimits };
const annoType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const minimal = 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"';

const operations = ['description', 'minimal', 'first page', 'last page', 'middle page', 'one annotation', 'create', 'replace'] as const;
type Operation = (typeof operations)[number];
type Row = { database: string; notes: number; total: number; times: Record<Operation, { p50: number; p99: number }> };

/** The W3C form of a note the JSON API would take (bench/lib/note-body.ts), on this server. */
function webAnnotation(origin: string, i: number) {
  const note = noteBody(i);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'commenting',
    body: [{ type: 'TextualBody', value: `W3C note ${i}`, purpose: 'commenting' }],
    target: { source: `${origin}/${note.lang}/articles/${slug}`, selector: note.target.selector },
    'reader:visibility': 'shared',
  };
}

async function measure(database: 'sqlite' | 'postgresql', notes: number): Promise<Row> {
  return onSeededServer({ database, seedArgs: [`--notes=${notes}`, `--replies=${Math.round(notes / 10)}`], port, env }, async (origin) => {
    const container = `${origin}/api/w3c/${slug}/`;
    const cookie = await signUp(origin, 'Script');
    const made = await fetch(`${origin}/api/me/tokens`, {
      method: 'POST',
      headers: { cookie, Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'bench', scope: 'write', password: benchPassword }),
    });
    if (made.status !== 201) throw new Error(`POST /api/me/tokens: ${made.status} ${await made.text()}`);
    const { token } = (await made.json()) as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, { headers: { ...auth, 'Accept-Encoding': 'gzip', ...headers } });
      if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const send = async (method: string, url: string, body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(url, {
        method,
        headers: { ...auth, 'Content-Type': annoType, ...headers },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return { annotation: (await response.json()) as Record<string, unknown> & { id: string }, etag: response.headers.get('etag')! };
    };

    await get(container); // the first request compiles and warms the route
    const description = await get(container);
    // A page in the middle: walk there once by `next` from the first page (at 100 notes: the first page).
    let middle = (description.first as { next?: string; id: string }).id;
    const hops = Math.floor(notes / 400);
    for (let hop = 0, page = description.first as { next?: string }; hop < hops && page.next; hop++) {
      middle = page.next;
      page = await get(middle);
    }
    const created: { id: string; etag: string }[] = [];
    const times = {
      description: await timed(30, async () => void (await get(container))),
      minimal: await timed(30, async () => void (await get(container, { Prefer: minimal }))),
      'first page': await timed(30, async () => void (await get(`${container}?page=first`))),
      'last page': await timed(30, async () => void (await get(`${container}?page=last`))),
      'middle page': await timed(30, async () => void (await get(middle))),
      create: await timed(30, async (i) => {
        const { annotation, etag } = await send('POST', container, webAnnotation(origin, 700 + i));
        created.push({ id: annotation.id, etag });
      }),
      'one annotation': await timed(30, async (i) => void (await get(created[i].id))),
      replace: await timed(30, async (i) => {
        const { id, etag } = created[i];
        const body = { ...(await get(id)), body: [{ type: 'TextualBody', value: `replaced ${i}`, purpose: 'commenting' }] };
        await send('PUT', id, body, { 'If-Match': etag });
      }),
    } satisfies Record<Operation, { p50: number; p99: number }>;
    return { database, notes, total: description.total as number, times };
  });
}

async function main() {
  buildUnlessSkipped(args);
  const rows: Row[] = [];
  for (const database of databases)
    for (const notes of sizes) {
      console.log(`${database}, ${notes} notes…`);
      rows.push(await measure(database, notes));
      console.log(JSON.stringify(rows.at(-1)));
    }
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  const baseline = (row: Row) => rows.find((r) => r.database === row.database && r.notes === Math.min(...sizes))!;
  const lines = rows.map((row) => {
    const base = baseline(row);
    return [
      row.database,
      row.notes.toLocaleString('en'),
      ...operations.map(
        (operation) =>
          `${ms(row.times[operation].p50)} / ${ms(row.times[operation].p99)} (${(row.times[operation].p50 / base.times[operation].p50).toFixed(2)}×)`,
      ),
    ].join(' | ');
  });
  const markdown = [
    '## bench:w3c (issue 18)',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${describeMachine(chromiumPath)}. One \`next start\` per row on a new database with N shared notes (\`db:seed:many\`, a reply for every tenth); a script with a read-write API token; 30 requests each, one after another, gzip. p50 / p99, and in brackets the p50 against the ${Math.min(...sizes).toLocaleString('en')}-note row of the same database. Pages hold 200 annotations; the description embeds the first page; "middle page" is reached by cursor ${'`after=`'} from the first page, N/400 pages in. "replace" is a GET and a PUT with If-Match.`,
    '',
    `| database | shared notes | ${operations.join(' | ')} |`,
    `|---|---|${operations.map(() => '---').join('|')}|`,
    ...lines.map((line) => `| ${line} |`),
  ].join('\n');
  console.log(markdown);
  writeResultsSection('bench:w3c', markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
