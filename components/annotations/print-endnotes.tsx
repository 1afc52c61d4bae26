'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { QuoteCorrections } from './source-corrections';

/**
 * The notes painted over the article, listed after it for printing when the reader asks ("Print
 * with notes"): shown only in print, then gone once the browser's print dialog closes.
 */
export function PrintEndnotes({ notes, into, onDone }: { notes: ApiAnnotation[]; into: HTMLElement; onDone: () => void }) {
  const t = useTranslations('Annotations');
  useEffect(() => {
    window.addEventListener('afterprint', onDone, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', onDone);
  }, [onDone]);
  return createPortal(
    <section className="print-endnotes" aria-labelledby="print-endnotes-title">
      <h2 id="print-endnotes-title">{t('endnotes')}</h2>
      <ol>
        {notes.map((note) => (
          <li key={note.id}>
            <p className="endnote-meta">
              {t(`kinds.${note.kind}`)}
              {note.verdict && ` · ${t(`verdicts.${note.verdict}`)}`} · {note.author.name}
            </p>
            <blockquote lang={note.lang === 'zh' ? 'zh-Hans' : 'en'}>{note.target.selector[0].exact}</blockquote>
            <QuoteCorrections annotation={note} />
            {note.bodyHtml && <div dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />}
          </li>
        ))}
      </ol>
    </section>,
    into,
  );
}
