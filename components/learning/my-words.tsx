'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useSessionUser } from '@/lib/account/use-session-user';
import { deleteSavedWord, fetchDueWords, fetchSavedWords, type SavedWord } from '@/lib/learning-ui/saved-words-client';
import { MarkedSentence } from './marked-sentence';
import { SavedWordHead } from './saved-word-head';
import { WordsGate } from './words-gate';

/** Where a saved word was met: its paragraph in the article's Chinese view. */
const passageHref = (locale: string, word: SavedWord) => `/${locale}/articles/${word.article}?view=zh#zh-${word.sentenceId.split('-')[0]}`;

/** The reader's saved words (issue 17), newest first, with the review and the exports. The session lives in cookies: the browser asks. */
export function MyWords({ locale }: { locale: string }) {
  const t = useTranslations('Words');
  const user = useSessionUser();
  const [words, setWords] = useState<SavedWord[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [due, setDue] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    if (!user) return;
    fetchSavedWords().then(
      (page) => {
        setWords(page.words);
        setNext(page.next);
      },
      () => setFailed(true),
    );
    fetchDueWords(1).then(
      (answer) => setDue(answer.due),
      () => {},
    );
  }, [user]);

  const gate = <WordsGate user={user} loaded={!!words} failed={failed} locale={locale} path="/words" />;
  if (!user || failed || !words) return gate;

  const more = async () => {
    try {
      const page = await fetchSavedWords(next);
      setWords((shown) => [...(shown ?? []), ...page.words.filter((word) => !shown?.some((other) => other.id === word.id))]);
      setNext(page.next);
    } catch {
      setFailed(true);
    }
  };
  const remove = async (word: SavedWord) => {
    setProblem(false);
    try {
      await deleteSavedWord(word.id);
      setWords((shown) => shown?.filter((other) => other.id !== word.id) ?? null);
    } catch {
      setProblem(true);
    }
  };

  return (
    <>
      <nav className="words-actions" aria-label={t('actions')}>
        <a className="button-primary" href={`/${locale}/words/review`}>
          {t('review', { count: due ?? 0 })}
        </a>
        <a href="/api/me/words/export?format=tsv" download>
          {t('exportAnki')}
        </a>
        <a href="/api/me/words/export?format=csv" download>
          {t('exportCsv')}
        </a>
      </nav>
      {problem && (
        <p className="words-message" role="alert">
          {t('deleteFailed')}
        </p>
      )}
      {words.length === 0 ? (
        <p className="words-message">{t('empty')}</p>
      ) : (
        <ol className="saved-words">
          {words.map((word) => (
            <li key={word.id} className="saved-word">
              <SavedWordHead word={word} className="saved-word-head" />
              <p className="saved-word-sentence">
                <MarkedSentence sentence={word.sentenceZh} word={word.word} start={word.start} />
              </p>
              <p className="saved-word-english" lang="en">
                {word.sentenceEn}
              </p>
              <p className="saved-word-links">
                <a href={passageHref(locale, word)}>{t('readInArticle')}</a>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void remove(word)}
                  aria-label={t('deleteWord', { word: word.word })}
                >
                  {t('delete')}
                </button>
              </p>
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button type="button" className="link-button" onClick={() => void more()}>
          {t('more')}
        </button>
      )}
    </>
  );
}
