import { fetchSessionUser } from '@/lib/account/auth-client';

/** Where the Save button of the lookup card stands. */
export type SaveState = 'unknown' | 'signedOut' | 'ready' | 'saving' | 'saved' | 'failed';

let signedIn: Promise<boolean> | undefined;
/** Whether a reader is signed in, asked once for the page's life (the card's Save needs an account). */
export const isSignedIn = () => (signedIn ??= fetchSessionUser().then((user) => !!user));

/** Saves the word that starts at `start` of a sentence of the article's word list (lib/learning/saved-words.ts). */
export async function saveWordAt(article: string, sentenceId: string, start: number): Promise<SaveState> {
  try {
    const response = await fetch('/api/me/words', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ article, sentenceId, start }),
    });
    if (response.status === 401) return 'signedOut';
    return response.ok ? 'saved' : 'failed';
  } catch {
    return 'failed';
  }
}
