'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { editorialRatings, type EditorialRating } from '@/lib/annotations/vocabulary';

type Current = { version: number; rating: EditorialRating | null; reasoning: { en: string; zh: string }; sources: string[] };

/**
 * Editors and moderators publish, revise or withdraw a claim's verdict (the API checks the role);
 * the page is read again afterwards, so what it shows is what the server holds.
 */
export function VerdictForm({ slug, sentenceId, current }: { slug: string; sentenceId: string; current: Current }) {
  const t = useTranslations('Claims');
  const [rating, setRating] = useState<EditorialRating>(current.rating ?? 'false');
  const [reasoningEn, setReasoningEn] = useState(current.reasoning.en);
  const [reasoningZh, setReasoningZh] = useState(current.reasoning.zh);
  const [sources, setSources] = useState(current.sources.join('\n'));
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function send(body: Record<string, unknown>) {
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await fetch(`/api/articles/${slug}/sentences/${encodeURIComponent(sentenceId)}/verdict`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body, version: current.version }),
      });
      if (response.ok) return window.location.reload();
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setProblem(response.status === 409 ? t('conflict') : t('failed', { message: answer?.error?.message ?? response.statusText }));
    } catch {
      setProblem(t('offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="verdict-form">
      <summary>{current.rating ? t('formRevise') : t('formTitle')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const urls = sources
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean);
          void send({ action: 'publish', rating, reasoningEn, reasoningZh, sources: urls });
        }}
      >
        <label>
          {t('rating')}
          <select value={rating} onChange={(event) => setRating(event.target.value as EditorialRating)}>
            {editorialRatings.map((value) => (
              <option key={value} value={value}>
                {t(`ratings.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reasoningEn')}
          <textarea rows={3} lang="en" maxLength={5000} value={reasoningEn} onChange={(event) => setReasoningEn(event.target.value)} />
        </label>
        <label>
          {t('reasoningZh')}
          <textarea rows={3} lang="zh-Hans" maxLength={5000} value={reasoningZh} onChange={(event) => setReasoningZh(event.target.value)} />
        </label>
        <label>
          {t('sourcesField')}
          <textarea rows={2} value={sources} onChange={(event) => setSources(event.target.value)} placeholder="https://" />
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <p className="verdict-form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('publish')}
          </button>
          {current.rating && (
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => window.confirm(t('confirmWithdraw')) && void send({ action: 'withdraw' })}
            >
              {t('withdraw')}
            </button>
          )}
        </p>
      </form>
    </details>
  );
}
