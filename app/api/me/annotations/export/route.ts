import { getViewer } from '@/lib/auth/auth';
import { exportOwn } from '@/lib/annotations/exchange';
import { jsonRoute } from '@/lib/http/json-route';

/** `?format=jsonld|md|csv`: the signed-in reader's own notes across articles, as a download. */
export const GET = jsonRoute(async (request: Request) => exportOwn(request, await getViewer(request.headers)));
