import { describe, expect, it } from 'vitest';
import { createLimiter } from '@/lib/rate-limit/limiter';
import { limitsFrom, parseLimit } from '@/lib/rate-limit/limits';
import { memoryStore } from '@/lib/rate-limit/store';

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, limiter: createLimiter(memoryStore(), () => clock.now) };
}

const limit = { name: 'writes', max: 3, windowSeconds: 60 };

describe('createLimiter', () => {
  it('lets `max` requests through per window, then says how long to wait', async () => {
    const { clock, limiter } = limiterAt();
    expect([await limiter.consume(limit, 'ann'), await limiter.consume(limit, 'ann'), await limiter.consume(limit, 'ann')]).toEqual([
      0, 0, 0,
    ]);
    expect(await limiter.consume(limit, 'ann')).toBe(60);
    clock.now += 45_500;
    expect(await limiter.consume(limit, 'ann')).toBe(15); // rounded up: never "0 seconds"
    clock.now += 14_400;
    expect(await limiter.consume(limit, 'ann')).toBe(1);
    clock.now += 100; // the window has ended
    expect(await limiter.consume(limit, 'ann')).toBe(0);
  });

  it('keeps subjects and limits apart', async () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) await limiter.consume(limit, 'ann');
    expect(await limiter.consume(limit, 'ann')).toBeGreaterThan(0);
    expect(await limiter.consume(limit, 'bo')).toBe(0);
    expect(await limiter.consume({ ...limit, name: 'signUps' }, 'ann')).toBe(0);
  });

  it('counts failures only when recorded, and a reset forgets them', async () => {
    const { clock, limiter } = limiterAt();
    const failures = { name: 'signInFailures', max: 2, windowSeconds: 300 };
    expect(await limiter.check(failures, 'a@example.test')).toBe(0);
    expect(await limiter.check(failures, 'a@example.test')).toBe(0); // checking counts nothing
    await limiter.record(failures, 'a@example.test');
    clock.now += 1000;
    expect(await limiter.check(failures, 'a@example.test')).toBe(0);
    await limiter.record(failures, 'a@example.test');
    expect(await limiter.check(failures, 'a@example.test')).toBe(299);
    await limiter.reset(failures, 'a@example.test');
    expect(await limiter.check(failures, 'a@example.test')).toBe(0);
  });
});

describe('memoryStore', () => {
  it('forgets the least recently hit key beyond its capacity', async () => {
    const store = memoryStore(2);
    await store.hit('a', 60_000, 0);
    await store.hit('b', 60_000, 0);
    await store.hit('a', 60_000, 1);
    await store.hit('c', 60_000, 2);
    expect((await store.peek('a', 3)).count).toBe(2);
    expect((await store.peek('b', 3)).count).toBe(0);
    expect((await store.peek('c', 3)).count).toBe(1);
  });
});

describe('limitsFrom', () => {
  it('has defaults, and takes <max>/<seconds> from the environment', () => {
    const defaults = limitsFrom({});
    expect(defaults.signInFailures).toEqual({ name: 'signInFailures', max: 5, windowSeconds: 300 });
    const raised = limitsFrom({ RATE_LIMIT_WRITES: '1000 / 10' });
    expect(raised.writes).toEqual({ name: 'writes', max: 1000, windowSeconds: 10 });
    expect(raised.signUps).toEqual(defaults.signUps);
  });

  it('lets a class behind one shared address sign up within minutes, not an hour (issue 13, item 5)', async () => {
    const { signUps, signUpsOverall } = limitsFrom({});
    const { clock, limiter } = limiterAt();
    let waited = 0;
    for (let student = 0; student < 30; student++) {
      let wait = await limiter.consume(signUps, '198.51.100.7');
      while (wait > 0) {
        clock.now += wait * 1000;
        waited += wait;
        wait = await limiter.consume(signUps, '198.51.100.7');
      }
    }
    expect(waited).toBeLessThanOrEqual(20 * 60);
    // Still a limit: one address makes at most a few dozen accounts an hour, all addresses a few hundred.
    expect((signUps.max * 3600) / signUps.windowSeconds).toBeLessThanOrEqual(150);
    expect((signUpsOverall.max * 3600) / signUpsOverall.windowSeconds).toBeLessThanOrEqual(300);
  });

  it('refuses a malformed value, naming the variable', () => {
    for (const value of ['120', '0/60', '10/0', 'ten/60', '-1/60', '1.5/60'])
      expect(() => parseLimit('RATE_LIMIT_WRITES', value)).toThrow(/RATE_LIMIT_WRITES must look like <max>\/<seconds>/);
  });
});

describe('memoryStore', () => {
  it('keeps each limit apart: a flood of addresses cannot push out an account’s lockout', async () => {
    const store = memoryStore(100);
    await store.hit('signInFailures:victim', 300_000, 0);
    for (let i = 0; i < 1_000; i++) await store.hit(`signIns:10.0.${i >> 8}.${i & 255}`, 300_000, 0);
    expect((await store.peek('signInFailures:victim', 1)).count).toBe(1);
  });

  it('forgets ended windows, so keys that are never hit again do not pile up', async () => {
    const store = memoryStore(100_000);
    for (let i = 0; i < 999; i++) await store.hit(`signIns:key-${i}`, 1_000, 0);
    // The 1,000th hit, after every window ended, sweeps them.
    await store.hit('signIns:late', 1_000, 5_000);
    for (let i = 0; i < 999; i += 100) expect((await store.peek(`signIns:key-${i}`, 0)).count).toBe(0);
  });
});
