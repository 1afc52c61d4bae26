import 'server-only';
import { getViewer } from '@/lib/auth/auth';
import { methodsThatWrite } from '@/lib/http/methods';
import { limiter, limits, tooManyRequests } from './index';

/** Counts a signed-in reader's write and refuses it (429) beyond the limit. Signed-out writes are the route's to refuse (401). */
export async function limitWrites(request: Request): Promise<void> {
  if (!methodsThatWrite.has(request.method)) return;
  const viewer = await getViewer(request.headers);
  if (!viewer) return;
  const wait = await limiter.consume(limits.writes, viewer.id);
  if (wait > 0) throw tooManyRequests(wait, 'You are writing faster than this site allows.');
}
