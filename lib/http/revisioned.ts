/**
 * Answers that are the same for everyone until an article's revision changes (its summary, a
 * sentence's notes, a page of its shared notes): tagged with the revision, so a browser, nginx or a
 * CDN revalidates with If-None-Match and gets 304 without the body being built. Public: nothing in
 * them depends on who asks (a reader's own notes go in answers of their own, private and no-store).
 */
export const revisionTag = (revision: number) => `W/"r${revision}"`;

const headers = (revision: number) => ({
  ETag: revisionTag(revision),
  'Cache-Control': 'public, no-cache',
  Vary: 'Accept-Encoding',
});

/** Whether the client's If-None-Match names this revision's tag (or `*`). */
function unchanged(request: Request, revision: number): boolean {
  const given = request.headers.get('if-none-match');
  if (!given) return false;
  const tag = revisionTag(revision);
  return given
    .split(',')
    .map((value) => value.trim())
    .some((value) => value === '*' || value === tag || `W/${value}` === tag);
}

/** 304 when the client has this revision already; else the JSON `build` makes, tagged with it. */
export async function revisionedJson(request: Request, revision: number, build: () => Promise<unknown>): Promise<Response> {
  if (unchanged(request, revision)) return new Response(null, { status: 304, headers: headers(revision) });
  return Response.json(await build(), { headers: headers(revision) });
}
