'use client';

import { useTranslations } from 'next-intl';
import type { Ref } from 'react';
import { maxSuggestionLength } from '@/lib/annotations/vocabulary';
import type { DraftSuggestion } from '@/lib/annotations-ui/draft-store';
import { htmlLang, type ArticleLang } from '@/lib/content/types';

type Props = {
  /** The wording's text area, which the editor focuses when it opens on a translation. */
  inputRef?: Ref<HTMLTextAreaElement>;
  suggestion: DraftSuggestion;
  /** The languages the reader may reword (English only where the Chinese is the original). */
  languages: ArticleLang[];
  onChange: (suggestion: DraftSuggestion) => void;
  /** The suggestion begun again from the sentence in another language. */
  startFrom: (lang: ArticleLang) => DraftSuggestion;
};

/** The note editor's part for a translation: the sentence as it reads, and the reader's wording of it. */
export function SuggestionFields({ inputRef, suggestion, languages, onChange, startFrom }: Props) {
  const t = useTranslations('Annotations.suggestion');
  const langName = t(`langs.${suggestion.lang}`);
  return (
    <fieldset className="note-suggestion-fields">
      <legend>{t('heading', { lang: langName })}</legend>
      {languages.length > 1 && (
        <p className="note-suggestion-langs">
          {t('lang')}{' '}
          {languages.map((lang) => (
            <label key={lang}>
              <input type="radio" name="suggestion-lang" checked={suggestion.lang === lang} onChange={() => onChange(startFrom(lang))} />
              {t(`langs.${lang}`)}
            </label>
          ))}
        </p>
      )}
      <p className="field-hint">{t('current')}</p>
      <blockquote className="note-quote" lang={htmlLang[suggestion.lang]}>
        {suggestion.original}
      </blockquote>
      <label>
        {t('text')}
        <textarea
          ref={inputRef}
          rows={4}
          lang={htmlLang[suggestion.lang]}
          maxLength={maxSuggestionLength}
          value={suggestion.text}
          // One sentence, one line: Enter does not start another.
          onChange={(event) => onChange({ ...suggestion, text: event.target.value.replace(/[\r\n]+/g, ' ') })}
        />
      </label>
    </fieldset>
  );
}
