'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, type ChangeEvent } from 'react';

type ImportReport = { created: number; skipped: { reason: string }[] };

type Props = {
  /** The export route: an article's shared notes, or the reader's own (`/api/me/annotations/export`). */
  exportPath: string;
  /** After an import created notes, e.g. to reload the list. */
  onImported?: () => void;
};

/** Export links (JSON-LD, Markdown, CSV), and an import of the reader's own JSON-LD export. */
export function ExchangeMenu({ exportPath, onImported }: Props) {
  const t = useTranslations('Review');
  // The Markdown is for reading: labelled in the page's language.
  const locale = useLocale();
  const [status, setStatus] = useState<string>();
  const base = `${exportPath}?format=`;

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const response = await fetch('/api/annotations/import', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: await file.text(),
        credentials: 'same-origin',
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) return setStatus(t('importFailed', { message: data?.error?.message ?? response.statusText }));
      const report = data as ImportReport;
      setStatus(t('importReport', { created: report.created, skipped: report.skipped.length }));
      if (report.created > 0) onImported?.();
    } catch {
      setStatus(t('importFailed', { message: 'offline' }));
    }
  }

  return (
    <div className="exchange-menu">
      <span>{t('export')}:</span>
      <a href={`${base}jsonld`} download>
        {t('exportJsonLd')}
      </a>
      <a href={`${base}md&lang=${locale}`} download>
        {t('exportMarkdown')}
      </a>
      <a href={`${base}csv`} download>
        {t('exportCsv')}
      </a>
      <label className="link-button">
        {t('import')}{' '}
        <input type="file" accept=".json,.jsonld,application/ld+json,application/json" onChange={upload} className="visually-hidden" />
      </label>
      {status && <span role="status">{status}</span>}
    </div>
  );
}
