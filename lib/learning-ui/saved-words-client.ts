import type { SavedWordView } from '@/lib/learning/saved-words';
import type { ReviewRating } from '@/lib/learning/schedule';

/** The browser's calls to the saved-words API (app/api/me/words). */
export type SavedWord = SavedWordView;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status}`);
  return (await response.json()) as T;
}

export const fetchSavedWords = (after?: string | null) =>
  fetch(`/api/me/words${after ? `?after=${encodeURIComponent(after)}` : ''}`, { cache: 'no-store' }).then((r) =>
    json<{ words: SavedWord[]; next: string | null }>(r),
  );

export const fetchDueWords = (limit = 20) =>
  fetch(`/api/me/words/review?limit=${limit}`, { cache: 'no-store' }).then((r) => json<{ words: SavedWord[]; due: number }>(r));

export async function deleteSavedWord(id: string): Promise<void> {
  const response = await fetch(`/api/me/words/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!response.ok && response.status !== 404) throw new Error(`${response.status}`);
}

/** Answers a review of a card as the reader saw it (`reps`); 'conflict' when it was answered meanwhile. */
export async function answerReview(card: Pick<SavedWord, 'id' | 'reps'>, rating: ReviewRating): Promise<'done' | 'conflict'> {
  const response = await fetch(`/api/me/words/${encodeURIComponent(card.id)}/review`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rating, reps: card.reps }),
  });
  if (response.status === 409 || response.status === 404) return 'conflict';
  await json(response);
  return 'done';
}
