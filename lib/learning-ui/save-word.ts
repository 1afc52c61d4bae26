import { fetchSessionUser } from '@/lib/account/auth-client';

/** Where the Save button of the lookup card stands. */
export type SaveState = 'unknown' | 'signedOut' | 'ready' | 'saving' | 'saved' | 'stale' | 'failed';

let signedIn: Promise<boolean> | undefined;
/** Whether a reader is signed in, asked once for the page's life (the card's Save needs an account). */
export const isSignedIn = () => (signedIn ??= fetchSessionUser().then((user) => !!user));

/** Saves the word that starts at `start` of a sentence of the article's word list (lib/learning/saved-words.ts). */
export async function saveWordAt(article: string, sentenceId: string, start: number, word: string): Promise<SaveState> {
  try {
    const response = await fetch('/api/me/words', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // The word shown goes along as a check: a page older than the article's word list is told so.
      body: JSON.stringify({ article, sentenceId, start, word }),
    });
    if (response.status === 401) return 'signedOut';
    if (response.status === 409) return 'stale';
    return response.ok ? 'saved' : 'failed';
  } catch {
    return 'failed';
  }
}
