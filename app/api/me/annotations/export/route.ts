import { viewerOf } from '@/lib/auth/auth';
import { exportOwn } from '@/lib/annotations/exchange';
import { downloadResponse, exportRequestOf } from '@/lib/http/download-response';
import { jsonRoute } from '@/lib/http/json-route';

/** `?format=jsonld|md|csv`: the signed-in reader's own notes across articles, as a download streamed a page at a time. */
export const GET = jsonRoute(async (request: Request) =>
  downloadResponse(await exportOwn(exportRequestOf(request), await viewerOf(request))),
);
