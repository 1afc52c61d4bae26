import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { loadAnnotations } from './load-annotations';
import type { ApiAnnotation } from './serialize';
import { requireViewer } from './service';

/** Every note of the signed-in reader across articles (private, shared and hidden ones; not deleted placeholders), oldest first. */
export function listOwnAnnotations(viewer: Viewer | null): Promise<ApiAnnotation[]> {
  return loadAnnotations({ authorId: requireViewer(viewer).id, deletedAt: null });
}
