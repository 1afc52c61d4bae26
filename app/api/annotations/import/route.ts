import { viewerOf } from '@/lib/auth/auth';
import { importAnnotations } from '@/lib/annotations/exchange';
import { ApiError } from '@/lib/http/api-error';
import { enterLimited } from '@/lib/http/concurrency-limit';
import { jsonRoute, readJson } from '@/lib/http/json-route';
import { countWrite } from '@/lib/rate-limit/writes';

/** Imports at once, per process and per reader: each holds up to 4 MB of body, then 1,000 parsed notes, for seconds. */
const running = { max: 2, perKey: 1 };
const retryAfterSeconds = 5;

/**
 * Restores notes from a JSON-LD export as the caller's own: `{ created, ids, skipped: [{ index, id, reason }] }`.
 * Each note created counts against the reader's write limit; the rest are reported as not imported.
 */
export const POST = jsonRoute(async (request: Request) => {
  const viewer = await viewerOf(request);
  const leave = viewer ? enterLimited('import', viewer.id, running) : () => {};
  if (!leave)
    throw new ApiError(429, `Another import is running; try again in ${retryAfterSeconds} seconds.`, [], {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  try {
    const report = await importAnnotations(() => readJson(request), viewer, viewer ? () => countWrite(viewer.id) : undefined);
    return Response.json(report, { status: report.created > 0 ? 201 : 200 });
  } finally {
    leave();
  }
});
