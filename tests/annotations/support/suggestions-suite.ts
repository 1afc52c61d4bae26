// Translation suggestions through the domain, on a real migrated database (SQLite or PostgreSQL):
// what a suggestion may say, +1s counted once, editors alone deciding, and the accepted ones coming
// out as a patch that applies, passes content:check and keeps every id (issue 15, part 4).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { checkArticle } from '@/lib/content/check-article';
import { readArticleFiles, readParsedArticle } from '@/lib/content/article-files';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import { parseIdMap } from '@/lib/content/id-map';
import { createPostgresDatabase, createSqliteDatabase } from '../../db/databases';
import type { TestDatabase } from '../../db/migrator-suite';
import { validCreateBody } from '../../properties/bodies';

const slug = 'deepseek-capex';
const body = (value: unknown) => async () => value;
const viewer = (id: string, role = 'reader') => ({ id, name: id, role });
const author = viewer('author');
const fan = viewer('fan');
const editor = viewer('editor', 'editor');

/** The English of the sentence a note on the first words of block `p0N` is on. */
function englishOf(sentenceId: string): string {
  return readParsedArticle(slug, 'en')
    .blocks.flatMap((block) => block.sentences)
    .find((s) => s.id === sentenceId)!.text;
}

/** A shared translation note on the Chinese at `start`, suggesting `text` for the English of its first sentence. */
function suggestionBody(start: number, text?: (current: string) => string) {
  const anchor = validCreateBody('zh', start, 6);
  const sentenceId = anchor.sentenceIds[0];
  const suggested = text ? text(englishOf(sentenceId)) : `${englishOf(sentenceId).replace(/\.$/, '')}, as a reader would put it.`;
  return {
    ...anchor,
    kind: 'translation',
    visibility: 'shared',
    body: 'Closer to the Chinese.',
    suggestion: { lang: 'en', sentenceId, text: suggested },
  };
}

export function suggestionsSuite(provider: 'sqlite' | 'postgresql') {
  describe(`translation suggestions (${provider})`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await (provider === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase());
      await applyMigrations(database.database);
      process.env.DATABASE_URL = database.database.url; // lib/db.ts reads it on first use, below
      const { db } = await import('@/lib/db');
      await db.user.createMany({
        data: [author, fan, editor].map(({ id, role }) => ({ id, name: id, email: `${id}@example.com`, role })),
      });
    });
    afterAll(async () => {
      await (await import('@/lib/db')).disconnectDatabase();
      await database?.drop();
    });

    it('stores the suggestion with its diff against the sentence, and refuses what it may not say', async () => {
      const { createAnnotation, updateAnnotation } = await import('@/lib/annotations/service');
      const made = await createAnnotation(slug, body(suggestionBody(40)), author);
      expect(made.kind).toBe('translation');
      expect(made.suggestion).toMatchObject({ lang: 'en', state: 'open', support: 0, current: englishOf(made.sentenceIds[0]) });
      expect(
        made
          .suggestion!.diff.filter((part) => part.change === 'added')
          .map((part) => part.text)
          .join(''),
      ).toContain('as a reader would put it');

      const refusal = (promise: Promise<unknown>) =>
        promise.then(
          () => 'accepted',
          (error: { refusal?: string; issues?: { field: string }[] }) => `${error.refusal}:${error.issues?.map((i) => i.field).join(',')}`,
        );
      // The Chinese is the original, kept word for word.
      const chinese = suggestionBody(40);
      expect(
        await refusal(
          createAnnotation(slug, body({ ...chinese, suggestion: { ...chinese.suggestion, lang: 'zh', text: '更好的说法。' } }), author),
        ),
      ).toBe('notPossible:suggestion.lang');
      // Unchanged wording, a sentence the note is not on, no suggestion, a suggestion on a comment, two lines.
      expect(await refusal(createAnnotation(slug, body(suggestionBody(40, (current) => current)), author))).toBe(
        'notPossible:suggestion.text',
      );
      expect(
        await refusal(createAnnotation(slug, body({ ...chinese, suggestion: { ...chinese.suggestion, sentenceId: 'p30-s1' } }), author)),
      ).toBe('invalid:suggestion.sentenceId');
      expect(await refusal(createAnnotation(slug, body({ ...chinese, suggestion: undefined }), author))).toBe('invalid:suggestion');
      expect(await refusal(createAnnotation(slug, body({ ...chinese, kind: 'comment' }), author))).toBe('invalid:suggestion');
      expect(
        await refusal(createAnnotation(slug, body({ ...chinese, suggestion: { ...chinese.suggestion, text: 'one\ntwo' } }), author)),
      ).toBe('invalid:suggestion.text');
      expect(
        await refusal(createAnnotation(slug, body({ ...chinese, suggestion: { ...chinese.suggestion, text: 'x'.repeat(2001) } }), author)),
      ).toBe('invalid:suggestion.text');
      // An English that drops a figure of the Chinese (content:check would refuse the patch).
      const figures = suggestionBody(articleCanonicalText(slug, 'zh').sentences.find((s) => s.id === 'p04-s2')!.start);
      const withFigures = englishOf(figures.suggestion.sentenceId);
      expect(withFigures).toMatch(/\d/);
      expect(
        await refusal(
          createAnnotation(slug, body({ ...figures, suggestion: { ...figures.suggestion, text: withFigures.replace(/\d/g, '') } }), author),
        ),
      ).toBe('notPossible:suggestion.text');
      // A translation keeps its kind; a comment does not become one.
      expect(await refusal(updateAnnotation(made.id, body({ kind: 'comment' }), author))).toBe('notPossible:kind');
      const again = `Reworded once more: ${englishOf(made.sentenceIds[0])}`;
      const edited = await updateAnnotation(made.id, body({ suggestionText: again }), author);
      expect(edited.suggestion?.text).toBe(again);
      expect(edited.editedAt).not.toBeNull();
    });

    it('counts each reader’s +1 once, however often or concurrently it is sent, and never the author’s own', async () => {
      const { createAnnotation } = await import('@/lib/annotations/service');
      const { supportSuggestion } = await import('@/lib/annotations/suggestions');
      const { db } = await import('@/lib/db');
      const made = await createAnnotation(slug, body(suggestionBody(120)), author);
      const answers = await Promise.allSettled(Array.from({ length: 6 }, () => supportSuggestion(made.id, body({ support: true }), fan)));
      expect(answers.every((answer) => answer.status === 'fulfilled')).toBe(true);
      expect((await db.annotation.findUniqueOrThrow({ where: { id: made.id } })).supportCount).toBe(1);
      expect(await db.suggestionSupport.count({ where: { annotationId: made.id } })).toBe(1);
      await expect(supportSuggestion(made.id, body({ support: true }), author)).rejects.toMatchObject({ refusal: 'notPossible' });
      expect(await supportSuggestion(made.id, body({ support: false }), fan)).toEqual({ id: made.id, support: 0, supported: false });
      expect(await supportSuggestion(made.id, body({ support: false }), fan)).toEqual({ id: made.id, support: 0, supported: false });
      // Someone else's private note is not there at all; a comment takes no +1.
      const hidden = await createAnnotation(slug, body({ ...suggestionBody(200), visibility: 'private' }), author);
      await expect(supportSuggestion(hidden.id, body({ support: true }), fan)).rejects.toMatchObject({ refusal: 'notFound' });
      const comment = await createAnnotation(slug, body({ ...validCreateBody('zh', 300, 5), visibility: 'shared' }), author);
      await expect(supportSuggestion(comment.id, body({ support: true }), fan)).rejects.toMatchObject({ refusal: 'notPossible' });
    });

    it('lets editors alone decide, refuses a decision on a wording changed since, and freezes a decided wording', async () => {
      const { createAnnotation, updateAnnotation } = await import('@/lib/annotations/service');
      const { decideSuggestion, supportSuggestion } = await import('@/lib/annotations/suggestions');
      const made = await createAnnotation(slug, body(suggestionBody(260)), author);
      await expect(decideSuggestion(made.id, body({ state: 'accepted' }), fan)).rejects.toMatchObject({ refusal: 'forbidden' });
      await expect(decideSuggestion(made.id, body({ state: 'accepted' }), null)).rejects.toMatchObject({ refusal: 'signInNeeded' });
      const unseen = `A wording the editor has not seen: ${made.suggestion!.current}`;
      const reworded = await updateAnnotation(made.id, body({ suggestionText: unseen }), author);
      await expect(decideSuggestion(made.id, body({ state: 'accepted', version: made.version }), editor)).rejects.toMatchObject({
        refusal: 'conflict',
      });
      const accepted = await decideSuggestion(made.id, body({ state: 'accepted', version: reworded.version }), editor);
      expect(accepted.suggestion).toMatchObject({ state: 'accepted', text: unseen });
      expect(accepted.suggestion!.decidedAt).not.toBeNull();
      await expect(updateAnnotation(made.id, body({ suggestionText: 'Too late.' }), author)).rejects.toMatchObject({
        refusal: 'notPossible',
      });
      await expect(supportSuggestion(made.id, body({ support: true }), fan)).rejects.toMatchObject({ refusal: 'notPossible' });
      await expect(decideSuggestion(made.id, body({ state: 'open' }), editor)).rejects.toMatchObject({ refusal: 'invalid' });
      const reopened = await decideSuggestion(made.id, body({ state: 'open', version: accepted.version }), editor);
      expect(reopened.suggestion).toMatchObject({ state: 'open', decidedAt: null });
      await decideSuggestion(made.id, body({ state: 'declined', version: reopened.version }), editor);
      // An editor's own suggestion is another editor's to decide.
      const own = await createAnnotation(slug, body(suggestionBody(700)), editor);
      await expect(decideSuggestion(own.id, body({ state: 'accepted', version: own.version }), editor)).rejects.toMatchObject({
        refusal: 'notPossible',
      });
    });

    it('turns the accepted suggestions into a patch that git applies, content:check passes and every id survives', async () => {
      const { createAnnotation } = await import('@/lib/annotations/service');
      const { decideSuggestion } = await import('@/lib/annotations/suggestions');
      const { acceptedSuggestionsPatch } = await import('@/lib/annotations/suggestions-patch');
      const reworded = (words: string) => (current: string) => `${words} ${current}`;
      const first = await createAnnotation(slug, body(suggestionBody(500, reworded('An accepted wording:'))), author);
      const second = await createAnnotation(slug, body(suggestionBody(900, reworded('Another, from a second reader:'))), fan);
      const declined = await createAnnotation(slug, body(suggestionBody(1300, reworded('A declined wording:'))), fan);
      for (const note of [first, second]) await decideSuggestion(note.id, body({ state: 'accepted', version: note.version }), editor);
      await decideSuggestion(declined.id, body({ state: 'declined', version: declined.version }), editor);

      const patch = await acceptedSuggestionsPatch(slug);
      // Earlier tests accepted one and then reopened and declined it: only these two are in.
      expect(patch.after.applied).toEqual([first.id, second.id]);
      expect(patch.text).not.toContain('A declined wording');

      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'suggestions-patch-'));
      try {
        const folder = path.join(work, 'content', slug);
        fs.mkdirSync(folder, { recursive: true });
        const files = readArticleFiles(slug);
        for (const name of fs.readdirSync(path.join(process.cwd(), 'content', slug)))
          fs.copyFileSync(path.join(process.cwd(), 'content', slug, name), path.join(folder, name));
        fs.writeFileSync(path.join(work, 'accepted.patch'), patch.text);
        execFileSync('git', ['apply', 'accepted.patch'], { cwd: work });
        const read = (name: string) => ({ path: `content/${slug}/${name}`, source: fs.readFileSync(path.join(folder, name), 'utf8') });
        const ids = parseIdMap(read('ids.json').source);
        const problems = checkArticle({
          ...files,
          zh: read('zh.mdx'),
          en: read('en.mdx'),
          ids: { path: `content/${slug}/ids.json`, map: ids },
        });
        expect(problems).toEqual([]);
        expect(ids.revision).toBe(files.ids!.map!.revision + 1);
        const sentenceIds = (map: typeof ids) => map.blocks.flatMap((block) => [block.id, ...block.sentences.map((s) => s.id)]);
        expect(sentenceIds(ids)).toEqual(sentenceIds(files.ids!.map!));
        expect(read('en.mdx').source).toContain('An accepted wording:');
        expect(read('zh.mdx').source).toBe(files.zh.source);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    });

    it('takes a deleted suggestion’s wording away with its body, and answers 404 for what others may not see', async () => {
      const { createAnnotation, deleteAnnotation } = await import('@/lib/annotations/service');
      const { createReply } = await import('@/lib/annotations/replies');
      const { supportSuggestion } = await import('@/lib/annotations/suggestions');
      const { moderateAnnotation } = await import('@/lib/annotations/moderation');
      const { readableAnnotation } = await import('@/lib/annotations/read-model');
      const { db } = await import('@/lib/db');
      const gone = await createAnnotation(slug, body(suggestionBody(1500, (current) => `Secret wording: ${current}`)), author);
      await supportSuggestion(gone.id, body({ support: true }), fan);
      await createReply(gone.id, body({ body: 'A reply keeps the thread.' }), fan);
      await deleteAnnotation(gone.id, author);
      const placeholder = await readableAnnotation(gone.id, null);
      expect(placeholder).toMatchObject({ deleted: true, suggestion: null });
      const row = await db.annotation.findUniqueOrThrow({ where: { id: gone.id } });
      expect([row.suggestion, row.searchText.includes('secret wording')]).toEqual([null, false]);
      expect(await db.suggestionSupport.count({ where: { annotationId: gone.id } })).toBe(0);
      await expect(supportSuggestion(gone.id, body({ support: true }), fan)).rejects.toMatchObject({ refusal: 'notFound' });

      // Hidden: 404 for others whatever its kind, as reading it answers.
      await db.user.update({ where: { id: 'editor' }, data: { role: 'moderator' } });
      const hidden = await createAnnotation(slug, body({ ...validCreateBody('zh', 1600, 4), visibility: 'shared' }), author);
      await moderateAnnotation(hidden.id, body({ action: 'hide' }), { ...editor, role: 'moderator' });
      await db.user.update({ where: { id: 'editor' }, data: { role: 'editor' } });
      await expect(supportSuggestion(hidden.id, body({ support: true }), fan)).rejects.toMatchObject({ refusal: 'notFound' });
    });

    it('refuses a wording that is not plain words or is far longer than its sentence', async () => {
      const { createAnnotation } = await import('@/lib/annotations/service');
      const refusal = (text: (current: string) => string) =>
        createAnnotation(slug, body(suggestionBody(1700, text)), author).then(
          () => 'accepted',
          (error: { refusal?: string }) => error.refusal,
        );
      expect(await refusal((current) => `**${current}**`)).toBe('notPossible');
      expect(await refusal(() => '[to translate]')).toBe('notPossible');
      expect(await refusal((current) => `${current} ${'and more '.repeat(60)}`)).toBe('notPossible');
    });
  });
}
