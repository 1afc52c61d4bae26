'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSessionUser } from '@/lib/account/use-session-user';
import { answerReview, fetchDueWords, type SavedWord } from '@/lib/learning-ui/saved-words-client';
import { reviewRatings, type ReviewRating } from '@/lib/learning/schedule';
import { MarkedSentence } from './marked-sentence';
import { SavedWordHead } from './saved-word-head';
import { WordsGate } from './words-gate';

/**
 * The day's review of saved words (issue 17): the Chinese sentence with the word blanked and its
 * English; the answer on request; Again / Hard / Good / Easy schedule it again (FSRS, on the server).
 * Keys: Space or Enter shows the answer, 1–4 answer.
 */
export function WordReview({ locale }: { locale: string }) {
  const t = useTranslations('Words');
  const user = useSessionUser();
  const [queue, setQueue] = useState<SavedWord[] | null>(null);
  const [due, setDue] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [reviewed, setReviewed] = useState(0);
  const [failed, setFailed] = useState(false);

  const load = useCallback(
    () =>
      fetchDueWords().then(
        (answer) => {
          setQueue(answer.words);
          setDue(answer.due);
        },
        () => setFailed(true),
      ),
    [],
  );
  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  const card = queue?.[0];
  // One answer per card: a double click or a held key sends nothing more while the first is on its way.
  const answering = useRef(false);
  const [busy, setBusy] = useState(false);
  const answer = useCallback(
    async (rating: ReviewRating) => {
      if (!card || answering.current) return;
      answering.current = true;
      setBusy(true);
      try {
        // Answered meanwhile (another tab): that answer stands, and this card moves on all the same.
        if ((await answerReview(card, rating)) === 'done') setReviewed((count) => count + 1);
      } catch {
        return setFailed(true);
      } finally {
        answering.current = false;
        setBusy(false);
      }
      setRevealed(false);
      const rest = queue!.slice(1);
      if (rest.length) {
        setQueue(rest);
        setDue((count) => Math.max(0, count - 1));
      } else void load();
    },
    [card, queue, load],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!card || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
      if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
        event.preventDefault();
        setRevealed(true);
      } else if (revealed && /^[1-4]$/.test(event.key)) void answer(reviewRatings[Number(event.key) - 1]);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [card, revealed, answer]);

  if (!user || failed || !queue) return <WordsGate user={user} loaded={!!queue} failed={failed} locale={locale} path="/words/review" />;
  if (!card)
    return (
      <div className="review-done" role="status">
        <h2>{t('doneTitle')}</h2>
        <p>{t('done', { count: reviewed })}</p>
        <p>
          <a href={`/${locale}/words`}>{t('title')}</a>
        </p>
      </div>
    );

  return (
    <section className="review-card" aria-label={t('cardLabel')}>
      <p className="review-remaining" role="status">
        {t('remaining', { count: due })}
      </p>
      <p className="review-sentence">
        <MarkedSentence
          sentence={card.sentenceZh}
          word={card.word}
          start={card.start}
          blank={revealed ? undefined : '＿'.repeat(card.word.length)}
        />
      </p>
      <p className="review-english" lang="en">
        {card.sentenceEn}
      </p>
      {!revealed ? (
        <button type="button" className="button-primary" onClick={() => setRevealed(true)}>
          {t('showAnswer')}
        </button>
      ) : (
        <>
          <SavedWordHead word={card} className="review-answer" />
          <div className="review-ratings" role="group" aria-label={t('ratingsLabel')}>
            {reviewRatings.map((rating, k) => (
              <button
                key={rating}
                type="button"
                className={`review-rating review-${rating}`}
                disabled={busy}
                onClick={() => void answer(rating)}
              >
                {t(rating)} <kbd>{k + 1}</kbd>
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
