import type { ApiAnnotation } from '@/lib/annotations/serialize';

/** Whether everyone may see a note: shared, and not hidden by a moderator. */
export const isPublic = (a: ApiAnnotation) => a.visibility === 'shared' && !a.hidden;
