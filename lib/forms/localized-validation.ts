'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';

type Field = HTMLInputElement | HTMLTextAreaElement;

const isField = (target: EventTarget): target is Field => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * The browser's own checks of a form (required, e-mail, lengths), told in the page's language: the
 * bubble would otherwise speak the browser's (an English Chromium on a Chinese page). Spread on a
 * <form>: `invalid` events do not bubble, so they are caught on their way down.
 */
export function useLocalizedValidation() {
  const t = useTranslations('Validation');
  return {
    onInvalidCapture(event: FormEvent<HTMLFormElement>) {
      const field = event.target;
      if (!isField(field)) return;
      field.setCustomValidity('');
      const { validity } = field;
      const message = validity.valueMissing
        ? t('valueMissing')
        : validity.typeMismatch && field.type === 'email'
          ? t('email')
          : validity.tooShort
            ? t('tooShort', { min: field.minLength, length: field.value.length })
            : validity.tooLong
              ? t('tooLong', { max: field.maxLength })
              : '';
      if (message) field.setCustomValidity(message);
    },
    // A message set by the last check must not outlive the value it was about.
    onInputCapture(event: FormEvent<HTMLFormElement>) {
      if (isField(event.target)) event.target.setCustomValidity('');
    },
  };
}
