import type { ReactNode } from 'react';
import { htmlLang, type ArticleLang, type BlockKind } from '@/lib/content/types';
import { pairStyle } from './pair-style';
import { TranslationToggle, type ToggleLabels } from './translation-toggle';

/**
 * Blocks after this many (in each language) wait to be laid out until they near the screen
 * (`data-deferred`, block.css). The first paint lays out every block not deferred, so each one
 * delays it on a slow phone (docs/decisions/010); three still cover the first screen of every view
 * at 390 and 1440 px, so that no block there takes its real size after the first paint (a shift).
 */
const eagerBlocks = 3;

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
