'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ArticleSummary, Tally } from '@/lib/annotations/read-model';
import { claimVerdicts } from '@/lib/annotations/vocabulary';

/** A sentence's shared notes, and its claims by verdict. */
export function SentenceTally({ tally }: { tally: Tally }) {
  const t = useTranslations('Annotations');
  const verdicts = claimVerdicts.filter((verdict) => tally.verdicts[verdict] > 0);
  return (
    <p className="sentence-tally">
      {t('sentenceTally', { count: tally.notes })}
      {verdicts.map((verdict) => (
        <span key={verdict}>
          {' · '}
          {t('verdictTally', { verdict: t(`verdicts.${verdict}`), count: tally.verdicts[verdict] })}
        </span>
      ))}
    </p>
  );
}

type Entry = { id: string; text: string; tally: Tally };

/** The discussed sentences in reading order, as the page shows them now (the view's language first). */
function entries(summary: ArticleSummary | undefined): Entry[] {
  if (!summary) return [];
  const seen = new Set<string>();
  const found: Entry[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('.reader [data-sid]')) {
    const id = element.dataset.sid!;
    const tally = summary.sentences[id];
    if (!tally || seen.has(id) || element.offsetParent === null) continue;
    seen.add(id);
    found.push({ id, text: element.textContent ?? '', tally });
  }
  return found;
}

/**
 * Every sentence that has shared notes, with their counts: the reader's way into the discussion
 * when the marks under the text are not enough (a screen reader, a phone). Opening one shows its notes.
 */
export function DiscussionList({ summary, onOpen }: { summary: ArticleSummary | undefined; onOpen: (sentenceId: string) => void }) {
  const t = useTranslations('Annotations');
  const [list, setList] = useState<Entry[]>([]);
  // The entries are read from the rendered page (which sentences the view shows): after a commit.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setList(entries(summary)), [summary]);
  if (list.length === 0) return null;
  return (
    <section className="discussion">
      <h3>{t('discussedSentences')}</h3>
      <p className="field-hint">{t('discussionHint')}</p>
      <ol className="discussion-list">
        {list.map((entry) => (
          <li key={entry.id}>
            <button type="button" onClick={() => onOpen(entry.id)}>
              <span className="discussion-quote">{entry.text}</span>
              <span className="discussion-count">{t('sentenceTally', { count: entry.tally.notes })}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
