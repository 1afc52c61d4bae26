// npm run db:seed [-- --if-empty]
//
// Demo data for a new install: four demo readers (one a moderator) and a realistic discussion of the
// Caijing article (claims on its slips, questions, replies, the moderator's editorial verdicts), written through the same domain
// functions the API uses, so bodies are rendered and sanitised and selectors validated. The demo
// accounts get passwords made at random now, printed once and kept in .data/demo-accounts.txt
// (readable by its owner only): no password of a demo account is written anywhere else. Skips when
// the demo readers exist; with --if-empty (what `npm run reader` runs) also when the database has
// any account at all.
import { auth, type Viewer } from '../../lib/auth/auth';
import { createReply } from '../../lib/annotations/replies';
import { createAnnotation, updateAnnotation } from '../../lib/annotations/service';
import { db } from '../../lib/db';
import { demoAccountLines, demoAccountsFile, newDemoPassword, saveDemoAccounts } from '../../lib/seed/demo-accounts';
import { writeVerdict } from '../../lib/annotations/editorial';
import { demoNotes, demoReaders, demoReplies, demoVerdicts } from '../../lib/seed/demo-data';
import { demoAnnotationInput, demoArticle, locateQuote } from '../../lib/seed/locate-quote';

async function main(): Promise<string> {
  const ifEmpty = process.argv.includes('--if-empty');
  if (ifEmpty && (await db.user.count()) > 0) return 'db:seed: the database has accounts already; no demo data added.';
  if (await db.user.findUnique({ where: { email: demoReaders[0].email }, select: { id: true } }))
    return 'db:seed: the demo readers exist already; nothing to do.';

  const viewers = new Map<string, Viewer>();
  const accounts = demoReaders.map((reader) => ({ reader, password: newDemoPassword() }));
  for (const { reader, password } of accounts) {
    const { user } = await auth.api.signUpEmail({ body: { name: reader.name, email: reader.email, password } });
    const role = reader.key === 'moderator' ? 'moderator' : 'reader';
    await db.user.update({ where: { id: user.id }, data: { role } });
    viewers.set(reader.key, { id: user.id, name: user.name, role });
  }

  const noteIds = new Map<string, string>();
  for (const note of demoNotes) {
    const viewer = viewers.get(note.author)!;
    const created = await createAnnotation(demoArticle, async () => demoAnnotationInput(note), viewer);
    noteIds.set(note.key, created.id);
    if (note.resolved) await updateAnnotation(created.id, async () => ({ resolved: true }), viewer);
  }
  for (const reply of demoReplies) {
    const body = { body: reply.body, ...(reply.verdict ? { verdict: reply.verdict } : {}) };
    await createReply(noteIds.get(reply.note)!, async () => body, viewers.get(reply.author)!);
  }

  // The moderator's editorial verdicts on the slips and three figures (the claims page).
  for (const verdict of demoVerdicts) {
    const [sentenceId] = locateQuote('zh', verdict.quote).sentenceIds;
    const { quote: _quote, ...fields } = verdict;
    await writeVerdict(demoArticle, sentenceId, async () => ({ action: 'publish', ...fields, version: 0 }), viewers.get('moderator')!);
  }

  const lines = demoAccountLines(accounts);
  saveDemoAccounts(lines);
  return [
    `db:seed: ${demoNotes.length} notes, ${demoReplies.length} replies and ${demoVerdicts.length} editorial verdicts on "${demoArticle}" by ${demoReaders.length} demo readers.`,
    `Demo accounts (email, password, role), with passwords made for this database (also in ${demoAccountsFile()}):`,
    ...lines,
  ].join('\n');
}

main().then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (error) => {
    console.error(`db:seed: ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
