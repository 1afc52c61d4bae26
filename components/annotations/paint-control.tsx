'use client';

import { useTranslations } from 'next-intl';
import { paintChoices, type PaintChoice } from '@/lib/annotations-ui/paint-choice';

type Props = { choice: PaintChoice; signedIn: boolean; onChoose: (choice: PaintChoice) => void };

/** The marks the legend explains, each drawn as the article draws it (globals.css, .swatch-*). */
const legend = ['own', 'comment', 'question', 'claim', 'translation', 'others', 'discussed', 'aligned', 'active'] as const;

/** What is painted over the article (remembered), and what each mark means. */
export function PaintControl({ choice, signedIn, onChoose }: Props) {
  const t = useTranslations('Annotations');
  return (
    <div className="paint-control">
      <fieldset className="paint-choice">
        <legend>{t('paint')}</legend>
        {paintChoices.map((option) => (
          <label key={option}>
            <input type="radio" name="paint" value={option} checked={choice === option} onChange={() => onChoose(option)} />
            {signedIn || option !== 'mine' ? t(`paintChoices.${option}`) : t('paintMarksOnly')}
          </label>
        ))}
      </fieldset>
      <details className="paint-legend">
        <summary>{t('legend')}</summary>
        <ul>
          {legend.map((mark) => (
            <li key={mark}>
              <span className={`swatch swatch-${mark}`} aria-hidden="true">
                {t('legendSample')}
              </span>
              {t(`legendItems.${mark}`)}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
