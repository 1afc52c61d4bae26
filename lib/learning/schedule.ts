import { fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/**
 * Spaced review of saved words with FSRS (ts-fsrs): a card's schedule as our rows keep it, and the
 * schedule after an answer. Without fuzz, so that the same answers give the same days everywhere.
 */
export const reviewRatings = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof reviewRatings)[number];

export type Schedule = {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

const scheduler = fsrs({ enable_fuzz: false });
const grades: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** A new card's schedule: due now. */
export const newSchedule = (now: Date): Schedule => ({
  due: now,
  stability: 0,
  difficulty: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  state: State.New,
  lastReview: null,
});

function cardOf(schedule: Schedule, now: Date): Card {
  const elapsed = schedule.lastReview ? Math.max(0, Math.floor((now.getTime() - schedule.lastReview.getTime()) / 86_400_000)) : 0;
  return {
    due: schedule.due,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: elapsed,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: schedule.state as State,
    last_review: schedule.lastReview ?? undefined,
  };
}

/** The schedule after the reader answers `rating` at `now`. */
export function reviewed(schedule: Schedule, rating: ReviewRating, now: Date): Schedule {
  const { card } = scheduler.next(cardOf(schedule, now), now, grades[rating]);
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? now,
  };
}
