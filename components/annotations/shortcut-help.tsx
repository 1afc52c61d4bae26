'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { shortcutKeys, shortcuts } from '@/lib/annotations-ui/shortcuts';

/** The list of keyboard shortcuts (`?`), as a modal dialog: Escape or Close shuts it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useTranslations('Shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={onClose}>
      <h2 id="shortcut-help-title">{t('title')}</h2>
      <dl>
        {shortcuts.map((shortcut) => (
          <div key={shortcut}>
            <dt>
              <kbd>{shortcutKeys[shortcut]}</kbd>
            </dt>
            <dd>{t(shortcut)}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('escape')}</dd>
        </div>
      </dl>
      <form method="dialog">
        <button type="submit" className="button-primary">
          {t('close')}
        </button>
      </form>
    </dialog>
  );
}
