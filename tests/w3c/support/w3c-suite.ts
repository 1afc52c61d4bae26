// Personal API tokens and the W3C container's pages on a real migrated database (SQLite or
// PostgreSQL): tokens kept only as digests, revoked at once; pages read by keyset in both
// directions meet every note once, in order, whatever the ties in creation time.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { createPostgresDatabase, createSqliteDatabase } from '../../db/databases';
import type { TestDatabase } from '../../db/migrator-suite';
import { validCreateBody } from '../../properties/bodies';

const slug = 'deepseek-capex';
const reader = { id: 'a', name: 'Ann', role: 'reader' };
/** The route confirms the password with better-auth; here it is taken as confirmed. */
const confirmed = async () => {};

export function w3cSuite(provider: 'sqlite' | 'postgresql') {
  describe(`API tokens and W3C container pages (${provider})`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await (provider === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase());
      await applyMigrations(database.database);
      process.env.DATABASE_URL = database.database.url; // lib/db.ts reads it on first use, below
      const { db } = await import('@/lib/db');
      await db.user.createMany({ data: ['a', 'b'].map((id) => ({ id, name: id, email: `${id}@example.com` })) });
    });
    afterAll(async () => {
      await (await import('@/lib/db')).disconnectDatabase();
      await database?.drop();
    });

    it('keeps only the SHA-256 of a token; the token finds its reader until revoked', async () => {
      const { createToken, revokeToken, tokenHolder, listTokens } = await import('@/lib/tokens/tokens');
      const { db } = await import('@/lib/db');
      const made = await createToken('a', { name: 'script', scope: 'read', password: 'x' }, confirmed);
      const [row] = await db.apiToken.findMany({ where: { userId: 'a' } });
      expect(row.tokenHash).toBe(createHash('sha256').update(made.token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(made.token);
      expect(made.token.startsWith(row.hint.slice(0, -1))).toBe(true);
      expect(row.hint.length).toBeLessThan(12);
      expect(JSON.stringify(await listTokens('a'))).not.toContain(made.token);

      expect(await tokenHolder(made.token)).toMatchObject({ user: { id: 'a' }, scope: 'read' });
      expect(await tokenHolder(`${made.token.slice(0, -1)}${made.token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
      await expect(revokeToken('b', made.id)).rejects.toMatchObject({ refusal: 'notFound' });
      await revokeToken('a', made.id);
      expect(await tokenHolder(made.token)).toBeNull();
    });

    it('a reader keeps at most 20 tokens, also when 25 are asked for at once; a refused password makes none', async () => {
      const { createToken, listTokens } = await import('@/lib/tokens/tokens');
      const { db } = await import('@/lib/db');
      await db.user.create({ data: { id: 'many', name: 'Many', email: 'many@example.com' } });
      await expect(
        createToken('many', { name: 'x', scope: 'read', password: 'wrong' }, async () => {
          throw new Error('not your password');
        }),
      ).rejects.toThrow('not your password');
      expect(await listTokens('many')).toEqual([]);
      const results = await Promise.allSettled(
        Array.from({ length: 25 }, (_, i) => createToken('many', { name: `t${i}`, scope: 'read', password: 'x' }, confirmed)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
      for (const result of results.filter((r) => r.status === 'rejected'))
        expect((result as PromiseRejectedResult).reason).toMatchObject({ refusal: expect.stringMatching(/notPossible|conflict/) });
      expect(await listTokens('many')).toHaveLength(20);
    });

    it('deleting a reader deletes their tokens', async () => {
      const { createToken, tokenHolder } = await import('@/lib/tokens/tokens');
      const { db } = await import('@/lib/db');
      await db.user.create({ data: { id: 'gone', name: 'Gone', email: 'gone@example.com' } });
      const made = await createToken('gone', { name: 'x', scope: 'write', password: 'x' }, confirmed);
      await db.user.delete({ where: { id: 'gone' } });
      expect(await tokenHolder(made.token)).toBeNull();
    });

    it('pages forwards and backwards meet every note once, in order, with ties in creation time', async () => {
      const { db } = await import('@/lib/db');
      const { createAnnotation } = await import('@/lib/annotations/service');
      const { loadAnnotationPageAround } = await import('@/lib/annotations/load-annotations');
      const { visibleBranches } = await import('@/lib/w3c/container');
      const ids: string[] = [];
      for (let i = 0; i < 13; i++)
        ids.push((await createAnnotation(slug, async () => validCreateBody('zh', 40 * i, 4, { visibility: 'shared' }), reader)).id);
      // Five notes written in the same millisecond: the id breaks the tie.
      await db.annotation.updateMany({ where: { id: { in: ids.slice(4, 9) } }, data: { createdAt: new Date('2026-01-01T00:00:00Z') } });
      // Everyone's notes and reader b's own private ones: two branches, merged page by page.
      for (let i = 0; i < 4; i++)
        await createAnnotation(slug, async () => validCreateBody('en', 60 * i, 4), { id: 'b', name: 'b', role: 'reader' });
      const where = visibleBranches(slug, { id: 'b', name: 'b', role: 'reader' });
      const order = (
        await db.annotation.findMany({ where: { OR: where }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } })
      ).map((row) => row.id);

      const forwards: string[] = [];
      let page = await loadAnnotationPageAround(where, { from: 'start' }, { limit: 3 });
      expect(page.hasBefore).toBe(false);
      for (;;) {
        forwards.push(...page.annotations.map((note) => note.id));
        if (!page.hasAfter) break;
        page = await loadAnnotationPageAround(where, { after: page.last! }, { limit: 3 });
        expect(page.hasBefore).toBe(true);
      }
      expect(forwards).toEqual(order);

      const backwards: string[] = [];
      page = await loadAnnotationPageAround(where, { from: 'end' }, { limit: 4 });
      expect(page.hasAfter).toBe(false);
      for (;;) {
        backwards.unshift(...page.annotations.map((note) => note.id));
        if (!page.hasBefore) break;
        page = await loadAnnotationPageAround(where, { before: page.first! }, { limit: 4 });
        expect(page.hasAfter).toBe(true);
      }
      expect(backwards).toEqual(order);
    });

    it('a private note is in its author’s container only, and counted in its total only', async () => {
      const { createAnnotation } = await import('@/lib/annotations/service');
      const { containerPage } = await import('@/lib/w3c/container');
      const note = await createAnnotation(slug, async () => validCreateBody('en', 10, 5), reader);
      const query = { at: { from: 'end' as const }, limit: 200, iris: true };
      const mine = await containerPage(slug, 'http://reader.test', reader, query);
      const theirs = await containerPage(slug, 'http://reader.test', null, query);
      expect(mine.items).toContain(`http://reader.test/api/w3c/${slug}/${note.id}`);
      expect(theirs.items).not.toContain(`http://reader.test/api/w3c/${slug}/${note.id}`);
      expect(mine.partOf.total).toBe(theirs.partOf.total + 1);

      // A deleted note kept as a placeholder for its thread, and a hidden one: the totals follow.
      const { db } = await import('@/lib/db');
      const { createReply } = await import('@/lib/annotations/replies');
      const { deleteAnnotation } = await import('@/lib/annotations/service');
      const threaded = await createAnnotation(slug, async () => validCreateBody('zh', 500, 5, { visibility: 'shared' }), reader);
      await createReply(threaded.id, async () => ({ body: 'a reply' }), { id: 'b', name: 'b', role: 'reader' });
      await deleteAnnotation(threaded.id, reader);
      const hidden = await createAnnotation(slug, async () => validCreateBody('zh', 700, 5, { visibility: 'shared' }), reader);
      await db.user.create({ data: { id: 'mod', name: 'Mod', email: 'mod@example.com', role: 'moderator' } });
      const { moderateAnnotation } = await import('@/lib/annotations/moderation');
      await moderateAnnotation(hidden.id, async () => ({ action: 'hide', reason: 'Off topic' }), {
        id: 'mod',
        name: 'Mod',
        role: 'moderator',
      });
      const { visibleBranches } = await import('@/lib/w3c/container');
      for (const viewer of [reader, null]) {
        const page = await containerPage(slug, 'http://reader.test', viewer, query);
        expect(page.partOf.total).toBe(await db.annotation.count({ where: { OR: visibleBranches(slug, viewer) } }));
      }
    });
  });
}
