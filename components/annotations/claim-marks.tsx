'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { ArticleSummary } from '@/lib/annotations/read-model';
import { consensusOf, votesOf, type Consensus } from '@/lib/annotations/consensus';
import type { ClaimVerdict, EditorialRating } from '@/lib/annotations/vocabulary';
import type { ArticleLang } from '@/lib/content/types';

/** Where a claim sentence's mark goes: beside the first line of the sentence, in its column's margin. */
type Mark = { sentenceId: string; lang: ArticleLang; top: number; left: number };

/** The editors' ratings as the readers' verdicts they colour like. */
const editorialTone: Record<EditorialRating, Consensus> = {
  false: 'false',
  misleading: 'false',
  mixed: 'disputed',
  'mostly-true': 'supported',
  true: 'supported',
};

/** The readers' consensus on a sentence (as the claims view computes it), or undefined when none voted. */
function readersTone(verdicts: Record<ClaimVerdict, number>): { tone: Consensus; votes: number } | undefined {
  const votes = votesOf(verdicts);
  return votes === 0 ? undefined : { tone: consensusOf(verdicts).consensus, votes };
}

/**
 * A small mark in the margin beside every claim sentence of the languages on screen (issue 16),
 * coloured by the editors' verdict or else the readers' consensus, named in words for screen readers;
 * it opens the sentence's discussion. Placed from the sentences' boxes while their block is near the
 * screen, again when the page's layout changes (a view switch, a resize, fonts arriving), in a layer
 * over the page: the article's DOM is never touched (docs/decisions/003).
 */
export function ClaimMarks({
  container,
  summary,
  view,
  onOpen,
}: {
  container: RefObject<HTMLElement | null>;
  summary: ArticleSummary | undefined;
  view: string;
  onOpen: (sentenceId: string) => void;
}) {
  const t = useTranslations('Claims');
  const [marks, setMarks] = useState<Mark[]>([]);
  const claims = summary
    ? [
        ...new Set([
          ...Object.keys(summary.editorial ?? {}),
          ...Object.keys(summary.sentences).filter((id) => readersTone(summary.sentences[id].verdicts)),
        ]),
      ]
    : [];
  const key = claims.sort().join(' ');

  useEffect(() => {
    const root = container.current;
    if (!root || !key) return;
    const sentences = key.split(' ').flatMap((id) =>
      (['zh', 'en'] as const).flatMap((lang) => {
        const sentence = root.querySelector<HTMLElement>(`.block[data-lang="${lang}"] [data-sid="${CSS.escape(id)}"]`);
        const block = sentence?.closest<HTMLElement>('.block');
        return sentence && block ? [{ id, lang, sentence, block }] : [];
      }),
    );
    // Only the blocks near the screen are measured: reading a sentence's box in a block the browser
    // has skipped (content-visibility) lays it out, and reading every claim's lays out the whole
    // article (decision 010: 290 claim sentences, 800 ms on a 6×-slowed CPU).
    const near = new Set<Element>();
    const place = () => {
      const next: Mark[] = [];
      for (const { id, lang, sentence, block } of sentences) {
        if (!near.has(block)) continue;
        const line = sentence.getClientRects()[0];
        if (!line || line.height === 0) continue;
        const column = block.getBoundingClientRect();
        next.push({ sentenceId: id, lang, top: line.top + window.scrollY + line.height / 2, left: column.left + window.scrollX });
      }
      setMarks(next);
    };
    // Placed in the next frame (layout read once the page has settled), then whenever it changes.
    let frame = 0;
    const placeSoon = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
    };
    const nearScreen = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) near.add(entry.target);
          else near.delete(entry.target);
        }
        placeSoon();
      },
      { rootMargin: '100% 0px' },
    );
    for (const block of new Set(sentences.map((s) => s.block))) nearScreen.observe(block);
    const resized = new ResizeObserver(placeSoon);
    resized.observe(root);
    void document.fonts?.ready.then(placeSoon);
    return () => {
      cancelAnimationFrame(frame);
      nearScreen.disconnect();
      resized.disconnect();
    };
  }, [container, key, view]);

  if (!summary || !key || marks.length === 0) return null;
  return createPortal(
    <div className="claim-marks">
      {marks.map((mark) => {
        const readers = readersTone(summary.sentences[mark.sentenceId]?.verdicts ?? { supported: 0, disputed: 0, false: 0, unverified: 0 });
        const editorial = summary.editorial?.[mark.sentenceId];
        const tone = editorial ? editorialTone[editorial] : (readers?.tone ?? 'unverified');
        const label = [
          editorial ? t('ratingLabel', { rating: t(`ratings.${editorial}`) }) : null,
          readers
            ? `${t('consensusLabel', { consensus: t(`consensusValues.${readers.tone}`) })} (${t('votes', { count: readers.votes })})`
            : null,
        ]
          .filter(Boolean)
          .join('; ');
        return (
          <button
            key={`${mark.lang}-${mark.sentenceId}`}
            type="button"
            className={`claim-mark tone-${tone}${editorial ? ' reviewed' : ''}`}
            data-sentence={mark.sentenceId}
            data-lang={mark.lang}
            style={{ top: mark.top, left: mark.left }}
            aria-label={label}
            title={label}
            onClick={() => onOpen(mark.sentenceId)}
          />
        );
      })}
    </div>,
    document.body,
  );
}
