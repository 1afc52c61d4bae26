import { instanceDatabaseHealth } from '@/lib/health';
import { jsonRoute } from '@/lib/http/json-route';

/** For load balancers and monitors: 200 when the database answers, 503 (retry in 5 s) when it does not. */
export const GET = jsonRoute(async () => {
  const database = await instanceDatabaseHealth();
  const headers = { 'Cache-Control': 'no-store', ...(database.ok ? {} : { 'Retry-After': '5' }) };
  return Response.json({ status: database.ok ? 'ok' : 'unavailable', database }, { status: database.ok ? 200 : 503, headers });
});
