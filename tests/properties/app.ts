// The app, loaded in-process: every route module under app/api and the database client. Import it
// only after DATABASE_URL is set (lib/db.ts reads it once per process, on first use).

/** Loads the route handlers and lib modules the properties call and check against. */
export async function loadApp() {
  const [
    articleAnnotations,
    summary,
    sentenceNotes,
    mine,
    articleExport,
    articleEvents,
    annotation,
    replies,
    flags,
    moderation,
    support,
    decision,
    acceptedPatch,
    verdict,
    claimReviews,
    importRoute,
    reply,
    queue,
    myAnnotations,
    myExport,
    highlightNames,
    session,
    health,
    auth,
    w3cContainer,
    w3cAnnotation,
    tokens,
    token,
    database,
    readModel,
    tokenService,
  ] = await Promise.all([
    import('@/app/api/articles/[slug]/annotations/route'),
    import('@/app/api/articles/[slug]/summary/route'),
    import('@/app/api/articles/[slug]/sentences/[sentenceId]/annotations/route'),
    import('@/app/api/articles/[slug]/annotations/mine/route'),
    import('@/app/api/articles/[slug]/annotations/export/route'),
    import('@/app/api/articles/[slug]/events/route'),
    import('@/app/api/annotations/[id]/route'),
    import('@/app/api/annotations/[id]/replies/route'),
    import('@/app/api/annotations/[id]/flags/route'),
    import('@/app/api/annotations/[id]/moderation/route'),
    import('@/app/api/annotations/[id]/support/route'),
    import('@/app/api/annotations/[id]/decision/route'),
    import('@/app/api/articles/[slug]/suggestions/accepted.patch/route'),
    import('@/app/api/articles/[slug]/sentences/[sentenceId]/verdict/route'),
    import('@/app/api/articles/[slug]/claims.jsonld/route'),
    import('@/app/api/annotations/import/route'),
    import('@/app/api/replies/[id]/route'),
    import('@/app/api/moderation/queue/route'),
    import('@/app/api/me/annotations/route'),
    import('@/app/api/me/annotations/export/route'),
    import('@/app/api/me/highlight-names/route'),
    import('@/app/api/session/route'),
    import('@/app/api/health/route'),
    import('@/app/api/auth/[...all]/route'),
    import('@/app/api/w3c/[slug]/route'),
    import('@/app/api/w3c/[slug]/[id]/route'),
    import('@/app/api/me/tokens/route'),
    import('@/app/api/me/tokens/[id]/route'),
    import('@/lib/db'),
    import('@/lib/annotations/read-model'),
    import('@/lib/tokens/tokens'),
  ]);
  return {
    routes: {
      articleAnnotations,
      summary,
      sentenceNotes,
      mine,
      articleExport,
      articleEvents,
      annotation,
      replies,
      flags,
      moderation,
      support,
      decision,
      acceptedPatch,
      verdict,
      claimReviews,
      importRoute,
      reply,
      queue,
      myAnnotations,
      myExport,
      highlightNames,
      session,
      health,
      auth,
      w3cContainer,
      w3cAnnotation,
      tokens,
      token,
    },
    readModel,
    tokenService,
    db: database.db,
    disconnect: database.disconnectDatabase,
    provider: database.databaseProvider,
  };
}

export type App = Awaited<ReturnType<typeof loadApp>>;

/** What lib/live and lib/db keep on globalThis (one per process): cleared before loading and after the run. */
export const PROCESS_CACHES = [
  '__readerArticleBus',
  '__readerArticleEvents',
  '__readerDatabaseClient',
  '__readerPublicReadsClient',
] as const;

/** Ends what the app opened (the database pools, the live-updates bus and its listeners). */
export async function closeApp(app: App | undefined) {
  const globals = globalThis as Record<string, unknown>;
  (globals.__readerArticleEvents as { close?: () => void } | undefined)?.close?.();
  await (globals.__readerArticleBus as { close?: () => Promise<void> } | undefined)?.close?.();
  await app?.disconnect();
  for (const key of PROCESS_CACHES) delete globals[key];
}
