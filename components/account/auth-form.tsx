'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { signIn, signUp, type AuthResult } from '@/lib/account/auth-client';
import { checkDisplayName, maxDisplayNameLength } from '@/lib/account/display-name';
import { safeReturnPath } from '@/lib/account/safe-return-path';
import { useLocalizedValidation } from '@/lib/forms/localized-validation';

const messageKeys: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'wrongPassword',
  USER_ALREADY_EXISTS: 'emailTaken',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'emailTaken',
  PASSWORD_TOO_SHORT: 'passwordTooShort',
  INVALID_EMAIL: 'invalidEmail',
  OFFLINE: 'offline',
};

/** What a 429 was about (the server's `reason`), so the message names the right limit. */
const tooManyKeys: Record<string, string> = {
  accountLocked: 'tooMany',
  signInsFromAddress: 'tooManySignIns',
  signUpsFromAddress: 'tooManySignUps',
  signUpsOverall: 'tooManySignUpsOverall',
};

const noSubscription = () => () => {};

const passwordReasons = ['common', 'pattern', 'dates', 'words', 'personal', 'weak'];
const nameProblems = ['empty', 'tooLong', 'invisible', 'markup', 'reserved', 'moderator'];

/** Sign-in and sign-up form: posts to better-auth, shows what went wrong in the reader's language. */
export function AuthForm({ mode, locale }: { mode: 'sign-in' | 'sign-up'; locale: string }) {
  const t = useTranslations('Account');
  const validation = useLocalizedValidation();
  const [error, setError] = useState<string>();
  const [working, setWorking] = useState(false);
  // False in the server's HTML and while it hydrates: the button waits for the app.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '').trim();
    if (mode === 'sign-up') {
      const checked = checkDisplayName(name);
      if ('problem' in checked) return setError(t(`nameInvalid.${checked.problem}`));
    }
    setWorking(true);
    setError(undefined);
    const result: AuthResult = mode === 'sign-in' ? await signIn(email, password) : await signUp(name, email, password);
    setWorking(false);
    if (result.ok) {
      const next = new URLSearchParams(window.location.search).get('next');
      window.location.assign(safeReturnPath(next, `/${locale}`, window.location.origin));
      return;
    }
    setError(errorMessage(result));
  }

  function errorMessage(result: Extract<AuthResult, { ok: false }>): string {
    const { code, reason } = result;
    if (code === 'TOO_MANY_ATTEMPTS')
      return t(tooManyKeys[reason ?? ''] ?? (mode === 'sign-in' ? 'tooManySignIns' : 'tooManySignUps'), {
        seconds: result.retryAfter ?? 60,
      });
    if (code === 'PASSWORD_TOO_WEAK') return t(`passwordWeak.${passwordReasons.includes(reason ?? '') ? reason : 'weak'}`);
    if (code === 'INVALID_NAME') return t(`nameInvalid.${nameProblems.includes(reason ?? '') ? reason : 'empty'}`);
    return t(messageKeys[code] ?? 'failed');
  }

  return (
    // POST, and no submitting until the app has taken the form over: before hydration the browser
    // would send it itself, as a GET with the password in the address (history, logs, referrers).
    <form className="auth-form" method="post" onSubmit={submit} {...validation}>
      {mode === 'sign-up' && (
        <label>
          {t('name')}
          <input name="name" autoComplete="nickname" required maxLength={maxDisplayNameLength * 4} />
        </label>
      )}
      <label>
        {t('email')}
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <div className="field">
        <label htmlFor="auth-password">{t('password')}</label>
        <input
          id="auth-password"
          name="password"
          type="password"
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          required
          minLength={10}
          maxLength={128}
          aria-describedby={mode === 'sign-up' ? 'password-hint' : undefined}
        />
        {mode === 'sign-up' && (
          <span id="password-hint" className="field-hint">
            {t('passwordHint')}
          </span>
        )}
      </div>
      <p className="form-error" role="alert">
        {error}
      </p>
      <button type="submit" disabled={working || !ready}>
        {working ? t('working') : mode === 'sign-in' ? t('submitSignIn') : t('submitSignUp')}
      </button>
    </form>
  );
}
