'use client';

import { useEffect, useEffectEvent } from 'react';
import { shortcutOf, type Shortcut } from './shortcuts';

/**
 * The reader's keyboard shortcuts (shortcuts.ts), acted on with the page as it is when pressed;
 * `act` says whether it did something (then the key's default is prevented).
 */
export function useShortcutKeys(act: (action: Shortcut) => boolean) {
  const onAction = useEffectEvent(act);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (action && onAction(action)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
