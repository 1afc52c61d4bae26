// The properties: what must hold for every answer, and for the database after every run.
import { searchFieldsOfRow, searchSourceSelect } from '@/lib/annotations/search-index';
import { validateSelectors } from '@/lib/anchoring/validate-selectors';
import { annotationKinds, claimVerdicts, highlightColors, maxBodyLength, visibilities } from '@/lib/annotations/schema';
import { maxHighlightNameLength } from '@/lib/annotations/vocabulary';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import { isArticleSlug } from '@/lib/content/article-files';
import { wordStarts } from '@/lib/learning/article-words';
import { readArticleWords } from '@/lib/learning/article-words-file';
import { describeCall, isBadBearer, isCrossOrigin, isWrite, ROUTES, TOKEN_ROUTES, W3C_ROUTES } from './calls';
import { MODERATOR, type Outcome, type World } from './world';
import { ARTICLE } from './bodies';
import type { App } from './app';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import { mergeSummary } from '@/lib/annotations-ui/summary-delta';

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);
const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

type AnnotationJson = { id: string; visibility: string; hidden: unknown; author: { id: string }; sentenceIds: string[] };

/** Everything wrong with one answer (empty when it is fine). */
export function responseProblems(world: World, outcome: Outcome): string[] {
  const { call, identity, status, text, target } = outcome;
  const problems: string[] = [];
  const problem = (message: string) => problems.push(message);
  const route = ROUTES[call.route];
  const reader = identity === null ? null : world.readers[identity];
  const cross = isCrossOrigin(call);
  const ok = status >= 200 && status < 300;

  if (!Number.isInteger(status) || status >= 500) problem(`answered ${status}`);
  if (status >= 400 && status < 500) {
    const error = (parse(text) as { error?: { message?: unknown } } | undefined)?.error;
    if (typeof error?.message !== 'string' || error.message.trim() === '') problem(`a ${status} without { error: { message } }`);
  }

  // Nothing private reaches anyone else: markers of private and hidden notes, ids of private notes.
  for (const secret of world.secretsFor(identity))
    if (text.includes(secret.marker)) problem(`the answer carries ${secret.marker}, private to note ${secret.noteId}`);
  for (const note of world.tracked.values())
    if (note.author !== identity && text.includes(note.id) && !outcome.requestText.includes(note.id))
      problem(`the answer names reader ${note.author}'s private note ${note.id}`);

  // Who may do what.
  if (cross && status !== 403) problem(`a cross-origin write answered ${status}, not 403`);
  // A read token writes nothing; no token manages tokens; an Authorization header that is no token is refused wherever a reader is asked for.
  const readOnlyWrite = call.caller.kind === 'token' && call.caller.scope === 'read' && isWrite(call);
  const tokenManagingTokens = call.caller.kind === 'token' && TOKEN_ROUTES.includes(call.route);
  if (readOnlyWrite && identity !== null && status !== 403) problem(`a write with a read-only token answered ${status}, not 403`);
  if (tokenManagingTokens && identity !== null && status !== 403) problem(`a token managing tokens answered ${status}, not 403`);
  const queryInvalid = (name: string, allowed: string[]) => {
    const value = new URLSearchParams(call.query).get(name);
    return value !== null && !allowed.includes(value);
  };
  const badQuery =
    (call.route === 'queue' && queryInvalid('status', ['open', 'hidden'])) ||
    ((call.route === 'exportMine' || call.route === 'exportArticle') &&
      !['jsonld', 'md', 'csv'].includes(new URLSearchParams(call.query).get('format') ?? '')) ||
    (call.route === 'wordsExport' && queryInvalid('format', ['tsv', 'csv', '']));
  if (isBadBearer(call) && route.signedIn && status !== 401 && !(badQuery && status === 400))
    problem(`a bad Authorization header answered ${status}, not 401`);
  if (!cross && route.signedIn && identity === null && status !== 401 && !(badQuery && status === 400))
    problem(`signed out (${call.caller.kind}) answered ${status}, not 401 (Cookie: ${outcome.cookie})`);
  if (!cross && identity !== null && !readOnlyWrite && !tokenManagingTokens) {
    const note = target.note;
    // Through the container another reader's note is theirs (403), unless it is not to be seen there at all (404).
    if ((call.route === 'w3cReplace' || call.route === 'w3cDelete') && note && note.author !== identity) {
      const unseen = note.visibility === 'private' || note.deleted || note.hidden || call.slug !== ARTICLE;
      if (status !== (unseen ? 404 : 403))
        problem(`another reader's note through the container answered ${status}, not ${unseen ? 404 : 403}`);
    }
    const othersNote = note && note.author !== identity;
    if (route.authorOnly === 'note' && note && othersNote) {
      const expected = note.visibility === 'private' || note.deleted ? 404 : 403;
      if (status !== expected) problem(`another reader's ${note.visibility} note answered ${status}, not ${expected}`);
    }
    if (route.authorOnly === 'reply' && target.reply && target.reply.author !== identity && status !== 403)
      problem(`another reader's reply answered ${status}, not 403`);
    if ((call.route === 'createReply' || call.route === 'flag') && othersNote && note.visibility === 'private' && status !== 404)
      problem(`another reader's private note answered ${status}, not 404`);
    if (call.route === 'moderate' && identity !== MODERATOR && status !== 403)
      problem(`a reader (not a moderator) moderating answered ${status}`);
    if (call.route === 'moderate' && identity === MODERATOR && note?.visibility === 'private' && status !== 404)
      problem(`moderating a private note answered ${status}, not 404`);
    // Of the world's readers only the moderator may write an editorial verdict.
    if (call.route === 'verdict' && identity !== MODERATOR && status < 300) problem(`a reader publishing a verdict answered ${status}`);
    // No reader of the world is an editor: none may ever decide on a suggestion.
    if (call.route === 'decide' && status < 300) problem(`a reader (not an editor) deciding on a suggestion answered ${status}`);
    if (call.route === 'support' && othersNote && note.visibility === 'private' && status !== 404)
      problem(`+1 on another reader's private note answered ${status}, not 404`);
    if (call.route === 'queue' && !badQuery && status !== (identity === MODERATOR ? 200 : 403))
      problem(`the moderation queue answered ${status} to reader ${identity}`);
  }

  // What the answers say.
  if (call.route === 'health' && status !== 200) problem(`health answered ${status}`);
  if (call.route === 'session' && ok) {
    const viewer = (parse(text) as { viewer?: { id: string } | null } | undefined)?.viewer;
    if ((viewer?.id ?? null) !== (reader?.id ?? null))
      problem(`session says ${JSON.stringify(viewer)} to ${call.caller.kind} ${reader?.id ?? ''}`);
  }
  // Public pages hold only what everyone may see, whoever asks (they are cached for everyone).
  if ((call.route === 'list' || call.route === 'sentenceNotes') && ok) {
    const page = parse(text) as { annotations?: AnnotationJson[]; next?: unknown } | undefined;
    const list = page?.annotations;
    if (!Array.isArray(list) || !(page?.next === null || typeof page?.next === 'string'))
      problem('the page is not { annotations: [...], next }');
    for (const a of list ?? []) {
      if (a.visibility !== 'shared' || a.hidden !== null)
        problem(`a public page shows a ${a.visibility}${a.hidden ? ' hidden' : ''} note ${a.id}`);
      if (call.route === 'sentenceNotes' && !a.sentenceIds.includes(outcome.id))
        problem(`the notes of sentence ${outcome.id} include ${a.id}, on ${a.sentenceIds.join(', ')}`);
    }
  }
  if (call.route === 'summary' && call.slug === ARTICLE) {
    const since = new URLSearchParams(call.query).get('since');
    const validSince = since === null || (/^\d{1,10}$/.test(since) && Number(since) <= 2_147_483_647);
    if (validSince !== (status === 200 || status === 304))
      problem(`the summary answered ${status} to since=${JSON.stringify(since)} (${validSince ? 'a revision' : 'not one'})`);
  }
  if (call.route === 'summary' && ok) {
    const summary = parse(text) as { revision?: unknown; totals?: { notes?: unknown }; sentences?: unknown } | undefined;
    if (typeof summary?.revision !== 'number' || typeof summary.totals?.notes !== 'number' || typeof summary.sentences !== 'object')
      problem('the summary is not { revision, totals, sentences }');
  }
  if (call.route === 'getNote' && ok) {
    const note = parse(text) as AnnotationJson | undefined;
    if (note && note.author.id !== reader?.id && (note.visibility !== 'shared' || note.hidden !== null))
      problem(`GET shows someone else's ${note.visibility}${note.hidden ? ' hidden' : ''} note ${note.id}`);
  }
  if (call.route === 'w3cGet' && ok) {
    const note = target.note;
    if (note && note.author !== identity && (note.visibility !== 'shared' || note.hidden))
      problem(`the container shows someone else's ${note.visibility}${note.hidden ? ' hidden' : ''} note ${note.id}`);
  }
  if (W3C_ROUTES.includes(call.route) && status !== 304 && !outcome.headersLink?.includes('ldp#constrainedBy'))
    problem(`a W3C answer without the protocol's constraints in its Link header`);
  if (call.route === 'tokens' && ok) {
    const list = (parse(text) as { tokens?: { id: string }[] } | undefined)?.tokens ?? [];
    if (text.includes('rdr_') && /rdr_[A-Za-z0-9_-]{43}/.test(text)) problem('the token list shows a token');
    for (const t of list)
      if (!world.tokens.some((w) => w.id === t.id && w.owner === identity) && world.tokens.some((w) => w.id === t.id))
        problem(`the token list of reader ${identity} holds another reader's token ${t.id}`);
  }
  if (call.route === 'mine' && ok) {
    const list = (parse(text) as { annotations?: AnnotationJson[] } | undefined)?.annotations ?? [];
    for (const a of list) if (a.author.id !== reader?.id) problem(`"mine" holds ${a.author.id}'s note ${a.id}`);
  }
  if ((call.route === 'colorNames' || call.route === 'renameColors') && ok) {
    const names = (parse(text) as { names?: unknown } | undefined)?.names;
    if (!names || typeof names !== 'object') problem('the colour names are not { names: {...} }');
  }
  if (call.route === 'myNotes' && ok) {
    const list = (parse(text) as { annotations?: AnnotationJson[] } | undefined)?.annotations ?? [];
    for (const a of list) if (a.author.id !== reader?.id) problem(`"my notes" holds ${a.author.id}'s note ${a.id}`);
  }
  if (ok && (call.route === 'queue' || call.route === 'moderate') && identity !== MODERATOR)
    problem(`${call.route} answered ${status} to a non-moderator`);

  return problems.map(
    (message) =>
      `${message}\n    call: ${describeCall(call)}\n    url: ${clip(outcome.url, 200)} (id ${clip(outcome.id, 80)})\n    answer ${status}: ${clip(text)}`,
  );
}

/**
 * Everything invalid in the database: notes whose selectors do not describe the article, illegal
 * kinds, verdicts or visibilities, over-long bodies, replies on private notes, and private notes
 * changed by someone other than their author. Each problem is reported once.
 */
export async function databaseProblems(world: World): Promise<string[]> {
  const { db } = world.app;
  const [notes, tags, replies, flags, readers] = await Promise.all([
    db.annotation.findMany({
      select: {
        id: true,
        article: true,
        lang: true,
        blockId: true,
        sentenceIds: true,
        exact: true,
        prefix: true,
        suffix: true,
        start: true,
        end: true,
        kind: true,
        verdict: true,
        color: true,
        sourceUrl: true,
        suggestion: true,
        body: true,
        visibility: true,
        version: true,
        deletedAt: true,
        hiddenAt: true,
        authorId: true,
      },
    }),
    db.annotationTag.findMany({ select: { annotationId: true, tag: true } }),
    db.reply.findMany({
      select: { id: true, body: true, verdict: true, annotation: { select: { id: true, visibility: true, kind: true } } },
    }),
    db.flag.findMany({ select: { id: true, reason: true, reporterId: true, annotation: { select: { authorId: true } } } }),
    db.user.findMany({ select: { id: true, highlightNames: true } }),
  ]);
  const problems: string[] = [];
  const problem = (key: string, message: string) => {
    if (world.reported.has(key)) return;
    world.reported.add(key);
    problems.push(message);
  };

  for (const n of notes) {
    const where = `note ${n.id}`;
    if (!isArticleSlug(n.article) || (n.lang !== 'zh' && n.lang !== 'en')) {
      problem(`${n.id}:article`, `${where} is on ${JSON.stringify(n.article)}/${JSON.stringify(n.lang)}, not an article`);
      continue;
    }
    let sentenceIds: unknown;
    try {
      sentenceIds = JSON.parse(n.sentenceIds);
    } catch {
      sentenceIds = undefined;
    }
    if (!Array.isArray(sentenceIds) || sentenceIds.some((s) => typeof s !== 'string'))
      problem(`${n.id}:sentenceIds`, `${where} has sentenceIds ${clip(n.sentenceIds, 80)}`);
    const selectorProblems = validateSelectors(articleCanonicalText(n.article, n.lang), {
      ...n,
      sentenceIds: Array.isArray(sentenceIds) ? sentenceIds : [],
    });
    if (selectorProblems.length)
      problem(`${n.id}:selectors`, `${where}: its selectors do not fit the article: ${selectorProblems.map((p) => p.message).join('; ')}`);
    if (!(annotationKinds as readonly string[]).includes(n.kind)) problem(`${n.id}:kind`, `${where} has kind ${JSON.stringify(n.kind)}`);
    if (n.verdict !== null && !(claimVerdicts as readonly string[]).includes(n.verdict))
      problem(`${n.id}:verdict`, `${where} has verdict ${JSON.stringify(n.verdict)}`);
    if ((n.kind === 'translation') !== (n.suggestion !== null))
      problem(`${n.id}:suggestion`, `${where} is a ${n.kind} with suggestion ${JSON.stringify(n.suggestion)}`);
    if (n.kind !== 'claim' && (n.verdict !== null || n.sourceUrl !== null))
      problem(`${n.id}:claim-fields`, `${where} is a ${n.kind} with verdict ${n.verdict} and source ${n.sourceUrl}`);
    if (n.sourceUrl !== null && !/^https?:\/\//i.test(n.sourceUrl))
      problem(`${n.id}:source`, `${where} has source ${clip(n.sourceUrl, 80)}`);
    if (!(highlightColors as readonly string[]).includes(n.color))
      problem(`${n.id}:color`, `${where} has colour ${JSON.stringify(n.color)}`);
    if (!(visibilities as readonly string[]).includes(n.visibility))
      problem(`${n.id}:visibility`, `${where} has visibility ${JSON.stringify(n.visibility)}`);
    if (n.body.length > maxBodyLength) problem(`${n.id}:body`, `${where} has a body of ${n.body.length} characters`);
    if (n.deletedAt !== null && n.body !== '') problem(`${n.id}:placeholder`, `${where} was deleted but keeps its body`);
  }

  problems.push(...(await tallyProblems(world, notes)));
  problems.push(...(await searchProblems(world)));
  problems.push(...(await savedWordProblems(world)));

  const tagCount = new Map<string, number>();
  for (const t of tags) {
    tagCount.set(t.annotationId, (tagCount.get(t.annotationId) ?? 0) + 1);
    if (t.tag.trim() !== t.tag || t.tag.length === 0 || t.tag.length > 40 || /\p{C}/u.test(t.tag))
      problem(`${t.annotationId}:tag:${t.tag}`, `note ${t.annotationId} has tag ${JSON.stringify(clip(t.tag, 60))}`);
  }
  for (const [id, count] of tagCount) if (count > 20) problem(`${id}:tags`, `note ${id} has ${count} tags`);

  for (const r of replies) {
    if (r.annotation.visibility !== 'shared')
      problem(`${r.id}:on-private`, `reply ${r.id} sits on ${r.annotation.visibility} note ${r.annotation.id}`);
    if (r.body.trim() !== r.body || r.body.length === 0 || r.body.length > maxBodyLength)
      problem(`${r.id}:body`, `reply ${r.id} has a body of ${r.body.length} characters: ${JSON.stringify(clip(r.body, 60))}`);
    if (r.verdict !== null && !(claimVerdicts as readonly string[]).includes(r.verdict))
      problem(`${r.id}:verdict`, `reply ${r.id} has verdict ${JSON.stringify(r.verdict)}`);
  }
  for (const r of readers) {
    const names = JSON.parse(r.highlightNames) as Record<string, unknown>;
    for (const [color, name] of Object.entries(names))
      if (
        !(highlightColors as readonly string[]).includes(color) ||
        typeof name !== 'string' ||
        !name ||
        name.trim() !== name ||
        name.length > maxHighlightNameLength ||
        /\p{C}/u.test(name)
      )
        problem(`${r.id}:color-name:${color}`, `reader ${r.id} names ${JSON.stringify(color)} ${JSON.stringify(clip(String(name), 60))}`);
  }
  for (const f of flags) {
    if (f.reason.trim() !== f.reason || f.reason.length < 3 || f.reason.length > 500)
      problem(`${f.id}:reason`, `flag ${f.id} has reason ${JSON.stringify(clip(f.reason, 60))}`);
    if (f.reporterId === f.annotation.authorId) problem(`${f.id}:own`, `flag ${f.id} is on its reporter's own note`);
  }

  // Private notes change only through their author.
  const byId = new Map(notes.map((n) => [n.id, n]));
  const tagsOf = (id: string) =>
    tags
      .filter((t) => t.annotationId === id)
      .map((t) => t.tag)
      .sort();
  for (const tracked of [...world.tracked.values()]) {
    const row = byId.get(tracked.id);
    const key = `${tracked.id}:tracked:${world.requests}`;
    if (!row) {
      problem(key, `reader ${tracked.author}'s private note ${tracked.id} is gone, though its author did not delete it`);
      world.tracked.delete(tracked.id);
    } else if (row.visibility !== 'private' || row.deletedAt !== null || row.body !== tracked.body) {
      problem(
        key,
        `reader ${tracked.author}'s private note ${tracked.id} changed without its author: ${row.visibility}, ${JSON.stringify(clip(row.body, 80))}`,
      );
      world.tracked.delete(tracked.id);
    } else if (JSON.stringify(tagsOf(tracked.id)) !== JSON.stringify([...tracked.tags].sort())) {
      problem(key, `reader ${tracked.author}'s private note ${tracked.id} has other tags: ${JSON.stringify(tagsOf(tracked.id))}`);
      world.tracked.set(tracked.id, { ...tracked, tags: tagsOf(tracked.id) });
    }
  }
  return problems;
}

type TallyNote = {
  id: string;
  article: string;
  sentenceIds: string;
  visibility: string;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  kind: string;
  verdict: string | null;
};

/**
 * The kept discussion counts (SentenceActivity, ArticleActivity) and sentence rows
 * (AnnotationSentence) agree with the notes as they are, after whatever writes, moderations and
 * deletions came before: what the summary and the sentence pages show is what the notes say.
 */
async function tallyProblems(world: World, notes: TallyNote[]): Promise<string[]> {
  const { db } = world.app;
  const [rows, sentenceCounts, articleCounts] = await Promise.all([
    db.annotationSentence.findMany({ select: { annotationId: true, sentenceId: true, visible: true, article: true } }),
    db.sentenceActivity.findMany(),
    db.articleActivity.findMany(),
  ]);
  const problems: string[] = [];
  const problem = (key: string, message: string) => {
    if (world.reported.has(key)) return;
    world.reported.add(key);
    problems.push(message);
  };
  const empty = () => ({ notes: 0, supported: 0, disputed: 0, refuted: 0, unverified: 0 });
  const column: Record<string, keyof ReturnType<typeof empty>> = {
    supported: 'supported',
    disputed: 'disputed',
    false: 'refuted',
    unverified: 'unverified',
  };
  const bySentence = new Map<string, ReturnType<typeof empty>>();
  const byArticle = new Map<string, ReturnType<typeof empty>>();
  const expectedRows = new Set<string>();
  for (const n of notes) {
    let sentenceIds: string[] = [];
    try {
      sentenceIds = [...new Set(JSON.parse(n.sentenceIds) as string[])];
    } catch {
      continue;
    }
    const visible = n.visibility === 'shared' && n.hiddenAt === null;
    for (const sentenceId of sentenceIds) expectedRows.add(`${n.id}|${sentenceId}|${visible}`);
    if (!visible) continue;
    const verdict = n.kind === 'claim' && n.deletedAt === null && n.verdict ? column[n.verdict] : undefined;
    const targets = [
      ...sentenceIds.map((sentenceId) => [bySentence, `${n.article}|${sentenceId}`] as const),
      [byArticle, n.article] as const,
    ];
    for (const [map, key] of targets) {
      const counts = map.get(key) ?? empty();
      counts.notes++;
      if (verdict) counts[verdict]++;
      map.set(key, counts);
    }
  }
  const actualRows = new Set(rows.map((r) => `${r.annotationId}|${r.sentenceId}|${r.visible}`));
  for (const key of expectedRows)
    if (!actualRows.has(key)) problem(`rows:missing:${key}:${world.requests}`, `no sentence row ${key} (note|sentence|visible)`);
  for (const key of actualRows)
    if (!expectedRows.has(key)) problem(`rows:extra:${key}:${world.requests}`, `a sentence row ${key} no note has`);
  const same = (a: ReturnType<typeof empty>, b: ReturnType<typeof empty>) => JSON.stringify(a) === JSON.stringify(b);
  const pick = (row: ReturnType<typeof empty>) => ({
    notes: row.notes,
    supported: row.supported,
    disputed: row.disputed,
    refuted: row.refuted,
    unverified: row.unverified,
  });
  for (const row of sentenceCounts) {
    const key = `${row.article}|${row.sentenceId}`;
    if (!same(pick(row), bySentence.get(key) ?? empty()))
      problem(
        `counts:${key}:${world.requests}`,
        `sentence ${key} counts ${JSON.stringify(pick(row))}, its notes ${JSON.stringify(bySentence.get(key) ?? empty())}`,
      );
    bySentence.delete(key);
  }
  for (const [key, counts] of bySentence)
    problem(`counts:${key}:${world.requests}`, `sentence ${key} has no counts; its notes ${JSON.stringify(counts)}`);
  for (const row of articleCounts) {
    if (!same(pick(row), byArticle.get(row.article) ?? empty()))
      problem(
        `article:${row.article}:${world.requests}`,
        `article ${row.article} counts ${JSON.stringify(pick(row))}, its notes ${JSON.stringify(byArticle.get(row.article) ?? empty())}`,
      );
    byArticle.delete(row.article);
  }
  for (const [article, counts] of byArticle)
    problem(`article:${article}:${world.requests}`, `article ${article} has no counts; its notes ${JSON.stringify(counts)}`);
  return problems;
}

/** Every saved word is a word of the article where it says it starts, copied from the article's word list; none beyond a reader's bound. */
async function savedWordProblems(world: World): Promise<string[]> {
  const words = readArticleWords(ARTICLE)!;
  const rows = await world.app.db.savedWord.findMany({
    select: { id: true, userId: true, word: true, pinyin: true, article: true, sentenceId: true, start: true },
  });
  const problems: string[] = [];
  for (const row of rows) {
    const found = wordStarts(words.sentences[row.sentenceId] ?? []).find(({ start }) => start === row.start);
    const key = `saved:${row.id}`;
    if ((row.article !== ARTICLE || found?.word !== row.word || found.pinyin !== row.pinyin) && !world.reported.has(key)) {
      world.reported.add(key);
      problems.push(`saved word ${row.id} (${row.word} at ${row.sentenceId}:${row.start}) is not the article's word there`);
    }
  }
  return problems;
}

/** Every note's stored search text and reading order are what its text, tags, author and thread make now. */
async function searchProblems(world: World): Promise<string[]> {
  const rows = await world.app.db.annotation.findMany({
    where: { article: ARTICLE },
    select: { id: true, searchText: true, readingOrder: true, ...searchSourceSelect },
  });
  const problems: string[] = [];
  for (const row of rows) {
    let expected: ReturnType<typeof searchFieldsOfRow>;
    try {
      expected = searchFieldsOfRow(row);
    } catch {
      continue; // sentenceIds that are not JSON: reported by databaseProblems
    }
    const key = `search:${row.id}:${world.requests}`;
    if ((row.searchText !== expected.searchText || row.readingOrder !== expected.readingOrder) && !world.reported.has(key)) {
      world.reported.add(key);
      problems.push(
        `note ${row.id}'s search columns are stale: ${JSON.stringify(clip(row.searchText, 80))} / ${row.readingOrder}, expected ${JSON.stringify(clip(expected.searchText, 80))} / ${expected.readingOrder}`,
      );
    }
  }
  return problems;
}

/**
 * A reader who held the article's summary before a run, and merges in what changed since (GET
 * …/summary?since=), holds the summary as it is after the run: every change, the sentences whose
 * notes all left the public included.
 */
export async function summaryDeltaProblems(app: App, before: ArticleSummary): Promise<string[]> {
  const delta = await app.readModel.articleSummary(ARTICLE, before.revision);
  const now = await app.readModel.articleSummary(ARTICLE);
  const merged = mergeSummary(before, delta);
  const sorted = (summary: ArticleSummary | undefined) =>
    summary && JSON.stringify({ ...summary, since: undefined, sentences: Object.entries(summary.sentences).sort() });
  if (now.revision > before.revision && sorted(merged) !== sorted(now))
    return [
      `the summary of revision ${before.revision} merged with what changed since is not the summary now:\n  merged ${sorted(merged)}\n  now    ${sorted(now)}`,
    ];
  return [];
}
