import { exportArticle } from '@/lib/annotations/exchange';
import { downloadResponse, exportRequestOf } from '@/lib/http/download-response';
import { jsonRoute } from '@/lib/http/json-route';

type Context = { params: Promise<{ slug: string }> };

/** `?format=jsonld|md|csv`: every shared note of the article with its thread, as a download streamed a page at a time. */
export const GET = jsonRoute(async (request: Request, { params }: Context) =>
  downloadResponse(await exportArticle(exportRequestOf(request), (await params).slug)),
);
