import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ClaimSentence } from '@/lib/annotations/claims';
import { votesOf } from '@/lib/annotations/consensus';
import { claimVerdicts } from '@/lib/annotations/vocabulary';
import type { ArticleLang } from '@/lib/content/types';

type Props = {
  claim: ClaimSentence;
  texts: Record<ArticleLang, string> | undefined;
  section: string;
  readHref: string;
  /** The editors' verdict and, for editors, the form to publish one: shown before the readers' votes. */
  children?: ReactNode;
};

/** One claim sentence: both languages, where readers stand on it, and what they cite. */
export function ClaimItem({ claim, texts, section, readHref, children }: Props) {
  const t = useTranslations('Claims');
  const votes = votesOf(claim.tally);
  const consensus = t(`consensusValues.${claim.consensus}`);
  return (
    <li className={`claim consensus-${claim.consensus}`} id={`claim-${claim.sentenceId}`}>
      <p className="claim-section">{section}</p>
      <div className="claim-texts">
        <blockquote lang="zh-Hans">{texts?.zh}</blockquote>
        <blockquote lang="en">{texts?.en}</blockquote>
      </div>
      {children}
      <p className="claim-consensus">
        <span className="consensus-mark" aria-hidden="true" />
        {t('consensusLabel', { consensus })} · {t('votes', { count: votes })}
      </p>
      {/* The bar is a picture of the list after it, which says the same in words. */}
      <div className="claim-bar" aria-hidden="true">
        {claimVerdicts.map(
          (verdict) =>
            claim.tally[verdict] > 0 && <span key={verdict} className={`bar-${verdict}`} style={{ flexGrow: claim.tally[verdict] }} />,
        )}
      </div>
      <ul className="claim-tally" aria-label={t('tally')}>
        {claimVerdicts.map((verdict) => (
          <li key={verdict} className={`tally-${verdict}`}>
            {t(`consensusValues.${verdict}`)} {claim.tally[verdict]}
          </li>
        ))}
      </ul>
      <p className="claim-discussion">
        {t('discussion', { count: claim.notes })} · <a href={readHref}>{t('readInArticle')}</a>
      </p>
      <section className="claim-sources" aria-label={t('sources')}>
        <h3>{t('sources')}</h3>
        {claim.sources.length === 0 ? (
          <p className="field-hint">{t('noSources')}</p>
        ) : (
          <ul>
            {claim.sources.map(({ site, links }) => (
              <li key={site}>
                <strong>{site}</strong>
                <ul>
                  {links.map((link) => (
                    <li key={link.url}>
                      <a href={link.url} rel="noopener nofollow ugc">
                        {link.url}
                      </a>{' '}
                      <span className="field-hint">({t('citedTimes', { count: link.count })})</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </li>
  );
}
