'use client';

import { useState } from 'react';
import { serverMessage } from './api';

/**
 * A listed note's request (share, hide, restore): busy while it runs, so its buttons wait, and what
 * went wrong in words: the server's message, or `offline` when the server could not be reached.
 */
export function useItemRequest(offline: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function run(request: () => Promise<void>, failed?: (failure: unknown) => void) {
    setBusy(true);
    setError('');
    try {
      await request();
    } catch (failure) {
      failed?.(failure);
      setError(serverMessage(failure) ?? offline);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
