import 'server-only';
import { viewerOf } from '@/lib/auth/auth';
import { methodsThatWrite } from '@/lib/http/methods';
import { limiter, limits, tooManyRequests } from './index';

/** Counts a signed-in reader's write and refuses it (429) beyond the limit. Signed-out writes are the route's to refuse (401). */
export async function limitWrites(request: Request): Promise<void> {
  if (!methodsThatWrite.has(request.method)) return;
  const viewer = await viewerOf(request);
  if (!viewer) return;
  const wait = await limiter.consume(limits.writes, viewer.id);
  if (wait > 0) throw tooManyRequests(wait, 'You are writing faster than this site allows.');
}

/** Counts one more write of `readerId` (each note an import creates): 0 when allowed, else the seconds to wait. */
export const countWrite = (readerId: string) => limiter.consume(limits.writes, readerId);
