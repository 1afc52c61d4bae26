import { getViewer } from '@/lib/auth/auth';
import { importAnnotations } from '@/lib/annotations/exchange';
import { jsonRoute, readJson } from '@/lib/http/json-route';

/** Restores notes from a JSON-LD export as the caller's own: `{ created, ids, skipped: [{ index, id, reason }] }`. */
export const POST = jsonRoute(async (request: Request) => {
  const report = await importAnnotations(() => readJson(request, 10 * 1024 * 1024), await getViewer(request.headers));
  return Response.json(report, { status: report.created > 0 ? 201 : 200 });
});
