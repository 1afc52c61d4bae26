import { viewerOf } from '@/lib/auth/auth';
import { downloadResponse } from '@/lib/http/download-response';
import { jsonRoute } from '@/lib/http/json-route';
import { publicOrigin } from '@/lib/http/public-origin';
import { exportSavedWords } from '@/lib/learning/export-saved-words';

/** `?format=tsv|csv`: the reader's saved words as a file, TSV that Anki imports (the default) or CSV, streamed. */
export const GET = jsonRoute(async (request: Request) =>
  downloadResponse(exportSavedWords(await viewerOf(request), new URL(request.url), publicOrigin(request))),
);
