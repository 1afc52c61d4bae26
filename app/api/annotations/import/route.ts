import { viewerOf } from '@/lib/auth/auth';
import { importAnnotations } from '@/lib/annotations/exchange';
import { jsonRoute, readJson } from '@/lib/http/json-route';
import { countWrite } from '@/lib/rate-limit/writes';

/**
 * Restores notes from a JSON-LD export as the caller's own: `{ created, ids, skipped: [{ index, id, reason }] }`.
 * Each note created counts against the reader's write limit; the rest are reported as not imported.
 */
export const POST = jsonRoute(async (request: Request) => {
  const viewer = await viewerOf(request);
  const report = await importAnnotations(() => readJson(request), viewer, viewer ? () => countWrite(viewer.id) : undefined);
  return Response.json(report, { status: report.created > 0 ? 201 : 200 });
});
