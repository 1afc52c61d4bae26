import { describe, expect, it } from 'vitest';
import { newSchedule, reviewed, type ReviewRating } from '@/lib/learning/schedule';

const day = 86_400_000;
const answer = (ratings: ReviewRating[], start = new Date('2026-12-01T08:00:00Z')) => {
  let schedule = newSchedule(start);
  for (const rating of ratings) schedule = reviewed(schedule, rating, schedule.due < start ? start : schedule.due);
  return schedule;
};

describe('FSRS scheduling of saved words', () => {
  it('a new card is due at once; Again keeps it within the day, Easy sends it days away', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(newSchedule(now).due).toEqual(now);
    expect(reviewed(newSchedule(now), 'again', now).due.getTime() - now.getTime()).toBeLessThan(day);
    expect(reviewed(newSchedule(now), 'easy', now).due.getTime() - now.getTime()).toBeGreaterThanOrEqual(day);
  });

  it('each Good, answered when due, gives a longer interval than the one before', () => {
    const intervals: number[] = [];
    let schedule = newSchedule(new Date('2026-12-01T08:00:00Z'));
    for (let i = 0; i < 6; i++) {
      const next = reviewed(schedule, 'good', schedule.due);
      intervals.push(next.due.getTime() - schedule.due.getTime());
      schedule = next;
    }
    expect(intervals.slice(2).every((interval, k) => interval > intervals[k + 1])).toBe(true);
    expect(schedule.reps).toBe(6);
  });

  it('round-trips through the row: the same answers from a stored schedule give the same days, and a lapse is counted', () => {
    const straight = answer(['good', 'good', 'good', 'again', 'good']);
    const stored = JSON.parse(JSON.stringify(answer(['good', 'good', 'good'])), (key, value) =>
      ['due', 'lastReview'].includes(key) && value ? new Date(value) : value,
    );
    let resumed = stored;
    for (const rating of ['again', 'good'] as const) resumed = reviewed(resumed, rating, resumed.due);
    expect(resumed).toEqual(straight);
    expect(straight.lapses).toBe(1);
  });
});
