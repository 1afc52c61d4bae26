import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { decodeCursor, encodeCursor } from './cursor';
import { loadAnnotationPage } from './load-annotations';
import type { NotesPage } from './read-model';
import { requireViewer } from './service';

/**
 * One page of the signed-in reader's notes across articles (private, shared and hidden ones; not
 * deleted placeholders), oldest first: "My notes" reads them page after page.
 */
export async function ownAnnotationPage(
  viewer: Viewer | null,
  { after, limit }: { after: string | null; limit: number },
): Promise<NotesPage> {
  const reader = requireViewer(viewer);
  const page = await loadAnnotationPage({ authorId: reader.id, deletedAt: null }, { after: decodeCursor(after), limit });
  return { annotations: page.annotations, next: encodeCursor(page.next) };
}
