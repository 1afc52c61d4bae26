import type { QueueItem } from '@/lib/annotations/moderation';
import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';

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

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
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

/** The notes of an article the reader may see, with the article's revision (for live updates). */
export const fetchAnnotationList = (slug: string) =>
  call<{ revision: number; annotations: ApiAnnotation[] }>(`/api/articles/${slug}/annotations`, { cache: 'no-store' });

export const fetchAnnotations = (slug: string) => fetchAnnotationList(slug).then((d) => d.annotations);

export const postAnnotation = (slug: string, body: unknown) =>
  call<ApiAnnotation>(`/api/articles/${slug}/annotations`, { method: 'POST', body: JSON.stringify(body) });

export const patchAnnotation = (id: string, body: unknown) =>
  call<ApiAnnotation>(`/api/annotations/${id}`, { method: 'PATCH', body: JSON.stringify(body) });

export const removeAnnotation = (id: string) => call<void>(`/api/annotations/${id}`, { method: 'DELETE' });

export const postReply = (annotationId: string, body: unknown) =>
  call<ApiReply>(`/api/annotations/${annotationId}/replies`, { method: 'POST', body: JSON.stringify(body) });

export const patchReply = (id: string, body: unknown) =>
  call<ApiReply>(`/api/replies/${id}`, { method: 'PATCH', body: JSON.stringify(body) });

export const removeReply = (id: string) => call<void>(`/api/replies/${id}`, { method: 'DELETE' });

export const flagNote = (annotationId: string, reason: string) =>
  call<{ id: string }>(`/api/annotations/${annotationId}/flags`, { method: 'POST', body: JSON.stringify({ reason }) });

export const moderateNote = (annotationId: string, action: 'hide' | 'restore', reason?: string) =>
  call<{ id: string }>(`/api/annotations/${annotationId}/moderation`, { method: 'POST', body: JSON.stringify({ action, reason }) });

/** The signed-in reader's own notes across articles (private, shared and hidden); 401 when signed out. */
export const fetchOwnAnnotations = () =>
  call<{ annotations: ApiAnnotation[] }>('/api/me/annotations', { cache: 'no-store' }).then((d) => d.annotations);

/** Moderators: the notes with open flags, or the hidden ones; 401 when signed out, 403 for other readers. */
export const fetchModerationQueue = (status: 'open' | 'hidden') =>
  call<{ items: QueueItem[] }>(`/api/moderation/queue?status=${status}`, { cache: 'no-store' }).then((d) => d.items);
