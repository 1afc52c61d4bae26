'use client';

import { useCallback, useEffect, useState } from 'react';
import { AnnotationApiError, serverMessage } from './api';

/** Why a list could not be had: nobody signed in (401), not allowed (403), or anything else; with the server's words when it answered. */
export type ListProblem = { kind: 'signed-out' | 'forbidden' | 'failed'; message?: string };

function listProblem(error: unknown): ListProblem {
  const status = error instanceof AnnotationApiError ? error.status : 0;
  return { kind: status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'failed', message: serverMessage(error) };
}

/**
 * A list the browser asks the API for (My notes, the moderation queue), again whenever `fetchList`
 * changes or on `reload`; only the latest request's answer counts.
 */
export function useFetchedList<T>(fetchList: () => Promise<T[]>) {
  const [list, setList] = useState<T[]>();
  const [problem, setProblem] = useState<ListProblem>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    fetchList().then(
      (answer) => current && setList(answer),
      (error: unknown) => current && setProblem(listProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [fetchList, attempt]);

  /** Asks again; the list on show stays until the answer comes. */
  const reload = useCallback(() => {
    setProblem(undefined);
    setAttempt((n) => n + 1);
  }, []);
  /** Forgets the list and its problem, before asking for another one. */
  const clear = useCallback(() => {
    setList(undefined);
    setProblem(undefined);
  }, []);
  return { list, setList, problem, reload, clear };
}
