import { describe, expect, it } from 'vitest';
import { RecentSessions } from '@/lib/auth/recent-sessions';

describe('recently verified sessions', () => {
  it('remembers a session for its time to live only', () => {
    const sessions = new RecentSessions<string>(5_000, 10);
    sessions.set('cookie-a', 'ada', 1_000);
    expect(sessions.get('cookie-a', 5_999)).toBe('ada');
    expect(sessions.get('cookie-a', 6_000)).toBeUndefined();
    expect(sessions.get('cookie-b', 1_000)).toBeUndefined();
  });

  it('forgets a session on request (sign-out) and keeps at most maxEntries, oldest dropped first', () => {
    const sessions = new RecentSessions<number>(60_000, 3);
    for (let i = 0; i < 5; i++) sessions.set(`c${i}`, i, 0);
    expect([0, 1, 2, 3, 4].map((i) => sessions.get(`c${i}`, 1))).toEqual([undefined, undefined, 2, 3, 4]);
    sessions.forget('c3');
    expect(sessions.get('c3', 1)).toBeUndefined();
  });
});
