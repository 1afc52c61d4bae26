import type { QueueItem } from '@/lib/annotations/moderation';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import type { HighlightColor, HighlightNames } from '@/lib/annotations/vocabulary';

/** A failed call to our API, with the message the server gave (already written for people). */
export class AnnotationApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly current?: ApiAnnotation,
  ) {
    super(message);
  }
}

/** What the server said of a failure, or nothing when the request never reached it (offline). */
export const serverMessage = (error: unknown) => (error instanceof AnnotationApiError && error.status ? error.message : undefined);

/** A call to our JSON API from the browser: the answer's JSON, or an AnnotationApiError with the server's message. */
export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
    });
  } catch {
    throw new AnnotationApiError(0, 'offline');
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new AnnotationApiError(response.status, data?.error?.message ?? response.statusText, data?.current);
  return data as T;
}

/** A page of notes and where the next one starts (null: the last). */
export type NotesPage = { annotations: ApiAnnotation[]; next: string | null };

/** Every page of a paged list, one request after the other; `onPage` sees each as it arrives. */
async function allPages(path: string, onPage?: (annotations: ApiAnnotation[]) => void): Promise<ApiAnnotation[]> {
  const all: ApiAnnotation[] = [];
  let after: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: NotesPage = await call<NotesPage>(after ? `${path}${separator}after=${encodeURIComponent(after)}` : path, {
      cache: 'no-cache',
    });
    all.push(...page.annotations);
    onPage?.(page.annotations);
    after = page.next;
  } while (after);
  return all;
}

/** How much discussion each sentence of the article has (revalidated by ETag: cheap when nothing changed). */
export const fetchSummary = (slug: string, since?: number) =>
  call<ArticleSummary>(`/api/articles/${slug}/summary${since === undefined ? '' : `?since=${since}`}`, { cache: 'no-cache' });

/** A page of the notes everyone may see on one sentence, oldest first. */
export const fetchSentenceNotes = (slug: string, sentenceId: string, after: string | null = null) =>
  call<NotesPage>(
    `/api/articles/${slug}/sentences/${encodeURIComponent(sentenceId)}/annotations${after ? `?after=${encodeURIComponent(after)}` : ''}`,
    { cache: 'no-cache' },
  );

/** The signed-in reader's own notes on the article (private, shared and hidden), every page. */
export const fetchOwnArticleNotes = (slug: string) => allPages(`/api/articles/${slug}/annotations/mine`);

/** The first `limit` notes everyone may see on the article, and whether there are more. */
export const fetchSharedPage = (slug: string, limit: number) =>
  call<NotesPage>(`/api/articles/${slug}/annotations?limit=${limit}`, { cache: 'no-cache' });

/** Every note everyone may see on the article, page by page (the review page); `onPage` shows them as they come. */
export const fetchSharedNotes = (slug: string, onPage?: (annotations: ApiAnnotation[]) => void) =>
  allPages(`/api/articles/${slug}/annotations?limit=500`, onPage);

/** A page of the shared notes that pass the review's filters (`search`: the review page's query string), and how many pass. */
export const searchSharedNotes = (slug: string, search: string, after: string | null, limit: number) => {
  const params = new URLSearchParams(search);
  params.set('order', params.get('order') ?? 'reading');
  params.set('limit', String(limit));
  if (after) params.set('after', after);
  return call<NotesPage & { total: number; totalCapped: boolean }>(`/api/articles/${slug}/annotations?${params}`, { cache: 'no-cache' });
};

/** One note the reader may see (everyone's, or their own). */
export const fetchAnnotation = (id: string) => call<ApiAnnotation>(`/api/annotations/${encodeURIComponent(id)}`, { cache: 'no-cache' });

export const postAnnotation = (slug: string, body: unknown) =>
  call<ApiAnnotation>(`/api/articles/${slug}/annotations`, { method: 'POST', body: JSON.stringify(body) });

export const patchAnnotation = (id: string, body: unknown) =>
  call<ApiAnnotation>(`/api/annotations/${id}`, { method: 'PATCH', body: JSON.stringify(body) });

export const removeAnnotation = (id: string) => call<void>(`/api/annotations/${id}`, { method: 'DELETE' });

export const moderateNote = (annotationId: string, action: 'hide' | 'restore', reason?: string) =>
  call<{ id: string }>(`/api/annotations/${annotationId}/moderation`, { method: 'POST', body: JSON.stringify({ action, reason }) });

/** The signed-in reader's own notes across articles (private, shared and hidden), every page; 401 when signed out. */
export const fetchOwnAnnotations = () => allPages('/api/me/annotations?limit=500');

/** Moderators: the notes with open flags, or the hidden ones; 401 when signed out, 403 for other readers. */
export const fetchModerationQueue = (status: 'open' | 'hidden') =>
  call<{ items: QueueItem[] }>(`/api/moderation/queue?status=${status}`, { cache: 'no-store' }).then((d) => d.items);

type ColorNamesAnswer = { names: HighlightNames };

/** The signed-in reader's names for the highlight colours. */
export const fetchHighlightNames = () => call<ColorNamesAnswer>('/api/me/highlight-names', { cache: 'no-store' }).then((a) => a.names);

/** Renames colours (an empty name gives back the colour word); answers with every name. */
export const saveHighlightNames = (changes: Partial<Record<HighlightColor, string | null>>) =>
  call<ColorNamesAnswer>('/api/me/highlight-names', { method: 'PUT', body: JSON.stringify(changes) }).then((a) => a.names);
