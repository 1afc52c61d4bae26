import 'server-only';
import { db } from '@/lib/db';
import { Refused } from '@/lib/errors/refusal';
import { limiter, limits, tooManyRequests } from '@/lib/rate-limit';
import { auth } from './auth';
import { accountKey } from './auth-hooks';

/**
 * Asks for the reader's password again before something a stolen session must not be able to do
 * alone (making an API token, which would outlive the session). Wrong guesses count against the
 * account's sign-in failures, as at sign-in: the same five a few minutes, whatever the address.
 */
export async function confirmPassword(userId: string, password: unknown): Promise<void> {
  if (typeof password !== 'string' || password.length === 0 || password.length > 128)
    throw new Refused('invalid', 'Invalid password: enter your password to confirm.', [{ field: 'password', message: 'is required' }]);
  const [user, credential] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { email: true } }),
    db.account.findFirst({ where: { userId, providerId: 'credential' }, select: { password: true } }),
  ]);
  const key = accountKey(user?.email);
  if (key) {
    const wait = await limiter.consume(limits.signInFailures, key);
    if (wait > 0) throw tooManyRequests(wait, 'Too many wrong passwords for this account.');
  }
  const context = await auth.$context;
  const right = credential?.password ? await context.password.verify({ hash: credential.password, password }) : false;
  if (!right) throw new Refused('forbidden', 'That is not your password.', [{ field: 'password', message: 'is not right' }]);
  if (key) await limiter.reset(limits.signInFailures, key);
}
