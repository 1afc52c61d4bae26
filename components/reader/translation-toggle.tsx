'use client';

import { useTranslations } from 'next-intl';
import { useTranslationToggles } from './reader-view';

/** In the Chinese view, opens a paragraph's English translation right under it. */
export function TranslationToggle({ blockId }: { blockId: string }) {
  const t = useTranslations('Translation');
  const { openTranslations, toggleTranslation } = useTranslationToggles();
  const open = openTranslations.has(blockId);
  return (
    <button
      type="button"
      className="translation-toggle"
      aria-expanded={open}
      aria-controls={`en-${blockId}`}
      onClick={() => toggleTranslation(blockId)}
    >
      {open ? t('hide') : t('show')}
    </button>
  );
}
