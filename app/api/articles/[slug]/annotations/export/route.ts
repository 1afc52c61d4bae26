import { exportArticle } from '@/lib/annotations/exchange';
import { jsonRoute } from '@/lib/http/json-route';

type Context = { params: Promise<{ slug: string }> };

/** `?format=jsonld|md|csv`: every shared note of the article with its thread, as a download. */
export const GET = jsonRoute(async (request: Request, { params }: Context) => exportArticle(request, (await params).slug));
