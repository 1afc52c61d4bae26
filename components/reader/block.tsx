import type { ReactNode } from 'react';
import { htmlLang, type ArticleLang, type BlockKind } from '@/lib/content/types';
import { pairStyle } from './pair-style';
import { TranslationToggle, type ToggleLabels } from './translation-toggle';

/** Blocks after this many are far below the first screen on any viewport; see `data-deferred` in globals.css. */
const eagerBlocks = 10;

type BlockProps = { id: string; kind: BlockKind; lang: ArticleLang; index: string; toggleLabels: ToggleLabels; children: ReactNode };

/**
 * One aligned block of an article, as emitted by remarkAlignedBlocks. Its `data-block` id is shared
 * with its counterpart in the other language; Chinese paragraphs carry a toggle that opens their
 * English translation underneath (used in the Chinese-only view).
 */
export function Block({ id, kind, lang, index, toggleLabels, children }: BlockProps) {
  return (
    <div
      className={`block block-${kind}`}
      id={`${lang}-${id}`}
      data-block={id}
      data-lang={lang}
      lang={htmlLang[lang]}
      style={pairStyle(Number(index), lang)}
      data-deferred={Number(index) > eagerBlocks ? '' : undefined}
    >
      {children}
      {lang === 'zh' && kind === 'paragraph' && <TranslationToggle blockId={id} labels={toggleLabels} />}
    </div>
  );
}
