import type { ApiAnnotation, ApiReply } from '@/lib/annotations/serialize';
import { call } from './api';

// The conversation on a note — replies, flags, translation suggestions' +1s and decisions — apart
// from api.ts: only the panels call these, and they load on demand (use-panel-parts.ts).

export const postReply = (annotationId: string, body: unknown) =>
  call<ApiReply>(`/api/annotations/${annotationId}/replies`, { method: 'POST', body: JSON.stringify(body) });

export const patchReply = (id: string, body: unknown) =>
  call<ApiReply>(`/api/replies/${id}`, { method: 'PATCH', body: JSON.stringify(body) });

export const removeReply = (id: string) => call<void>(`/api/replies/${id}`, { method: 'DELETE' });

export const flagNote = (annotationId: string, reason: string) =>
  call<{ id: string }>(`/api/annotations/${annotationId}/flags`, { method: 'POST', body: JSON.stringify({ reason }) });

/** +1 someone else's open translation suggestion, or take the +1 back. */
export const supportSuggestion = (annotationId: string, support: boolean) =>
  call<{ id: string; support: number; supported: boolean }>(`/api/annotations/${annotationId}/support`, {
    method: 'POST',
    body: JSON.stringify({ support }),
  });

/** Editors: accept or decline a translation suggestion as loaded (`version`), or open it again. */
export const decideSuggestion = (annotationId: string, state: 'accepted' | 'declined' | 'open', version: number) =>
  call<ApiAnnotation>(`/api/annotations/${annotationId}/decision`, { method: 'POST', body: JSON.stringify({ state, version }) });
