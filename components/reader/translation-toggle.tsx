/** The labels of a translation toggle, in the reader's interface language. */
export type ToggleLabels = { show: string; hide: string };

/**
 * In the Chinese view, opens a paragraph's English translation right under it. Plain markup inside
 * the article's unhydrated body (<ServerMarkup>): <ReaderView> listens for its clicks and keeps its
 * `aria-expanded` in step; the label shown follows `aria-expanded` (block.css).
 */
export function TranslationToggle({ blockId, labels }: { blockId: string; labels: ToggleLabels }) {
  return (
    <button
      type="button"
      className="translation-toggle"
      data-translation-of={blockId}
      aria-expanded="false"
      aria-controls={`en-${blockId}`}
    >
      <span className="translation-toggle-show">{labels.show}</span>
      <span className="translation-toggle-hide">{labels.hide}</span>
    </button>
  );
}
