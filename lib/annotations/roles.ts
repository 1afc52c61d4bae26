import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { Refused } from '@/lib/errors/refusal';
import { requireViewer } from './service';

/**
 * The viewer, when their role is one of `roles`; read from the database on every call, not from the
 * session cookie's cache, so a role taken away takes effect at the next request.
 */
export async function requireRole(viewer: Viewer | null, roles: readonly string[], refusal: string): Promise<Viewer> {
  const user = requireViewer(viewer);
  const row = await db.user.findUnique({ where: { id: user.id }, select: { role: true } });
  if (!row || !roles.includes(row.role)) throw new Refused('forbidden', refusal);
  return user;
}
