import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processWide } from '@/lib/process-wide';

export const minPasswordLength = 10;

/** Why a password is weak, as the forms explain it (messages Account.passwordWeak.<reason>). */
export type PasswordWeakness = 'common' | 'pattern' | 'dates' | 'words' | 'personal' | 'weak';

/** English sentences for the API's answers (the forms show their own, translated, by reason). */
export const passwordWeaknessMessages: Record<PasswordWeakness, string> = {
  common: 'This password is one of the most common ones; choose another.',
  pattern: 'Keyboard rows, repeated characters and sequences are easy to guess.',
  dates: 'Dates and years are easy to guess.',
  words: 'A single word or name is easy to guess; add a few more uncommon words.',
  personal: 'The password contains your name or email address.',
  weak: 'This password is easy to guess; add a few uncommon words.',
};

/** A worker with nothing to rate for this long is stopped; the next sign-up starts one again (about 0.2 s). */
const idleMs = 30_000;

type Rater = { worker: Worker; pending: Map<number, (reason: PasswordWeakness | null) => void>; next: number; idle?: NodeJS.Timeout };

/**
 * zxcvbn-ts's dictionaries take about 25 MB of heap, a sixth of the server's 160 MB, and the heap
 * was already full enough that garbage collection took 40% of the time under load. So passwords are
 * rated in a worker thread (its own heap), started when a password needs rating and stopped when
 * idle. It runs lib/account/password-worker.cjs from the project folder, where `next start` runs.
 */
function rater(): Rater {
  const state = processWide<{ current?: Rater }>('__readerPasswordRater', () => ({}));
  if (state.current) return state.current;
  const worker = new Worker(path.join(process.cwd(), 'lib', 'account', 'password-worker.cjs'));
  const current: Rater = { worker, pending: new Map(), next: 0 };
  worker.unref();
  worker.on('message', ({ id, reason }: { id: number; reason: PasswordWeakness | null }) => {
    current.pending.get(id)?.(reason);
    current.pending.delete(id);
  });
  const fail = () => {
    for (const resolve of current.pending.values()) resolve('weak');
    current.pending.clear();
    if (state.current === current) state.current = undefined;
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  state.current = current;
  return current;
}

/** Stops an idle worker; the next rating starts a new one (never one posted to a worker on its way out). */
function retire(current: Rater) {
  const state = processWide<{ current?: Rater }>('__readerPasswordRater', () => ({}));
  if (state.current === current) state.current = undefined;
  void current.worker.terminate();
}

/**
 * Why zxcvbn finds a password too easy to guess (score under 3), or null when it is strong enough.
 * The reader's name and email count as guessable words.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): Promise<PasswordWeakness | null> {
  const current = rater();
  clearTimeout(current.idle);
  return new Promise((resolve) => {
    const id = current.next++;
    current.pending.set(id, (reason) => {
      resolve(reason);
      if (current.pending.size === 0) current.idle = setTimeout(() => retire(current), idleMs).unref();
    });
    current.worker.postMessage({ id, password, userInputs });
  });
}
