import { viewerOf } from '@/lib/auth/auth';
import { highlightNamesOf, renameHighlightColors } from '@/lib/annotations/highlight-names';
import { jsonRoute, readJson } from '@/lib/http/json-route';

const privateAnswer = { headers: { 'Cache-Control': 'private, no-store' } };

/** `{ names: { yellow?: "Key point", … } }`: the signed-in reader's names for the highlight colours. */
export const GET = jsonRoute(async (request: Request) => Response.json(await highlightNamesOf(await viewerOf(request)), privateAnswer));

/** `{ yellow?: string | null, … }` renames those colours (null or "" gives back the colour word): 200 with every name. */
export const PUT = jsonRoute(async (request: Request) =>
  Response.json(await renameHighlightColors(() => readJson(request), await viewerOf(request)), privateAnswer),
);
