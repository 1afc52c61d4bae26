'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { createToken, fetchTokens, revokeToken, type ListedToken, type TokenScope } from '@/lib/account/api-tokens-client';
import { serverMessage } from '@/lib/annotations-ui/api';
import { useSessionUser } from '@/lib/account/use-session-user';
import { maxTokenNameLength } from '@/lib/tokens/scopes';

/**
 * The reader's personal API tokens (issue 18): made with a name and a scope, shown once, listed by
 * name and first characters, revoked at once. The session lives in cookies, so the browser asks.
 */
export function ApiTokens({ locale, containerExample }: { locale: string; containerExample: string }) {
  const t = useTranslations('Tokens');
  const format = useFormatter();
  const user = useSessionUser();
  const [tokens, setTokens] = useState<ListedToken[] | null>(null);
  const [made, setMade] = useState<(ListedToken & { token: string }) | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const failed = (error: unknown) => setMessage(serverMessage(error) ?? t('failed'));

  useEffect(() => {
    if (user) fetchTokens().then(setTokens, failed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per reader
  }, [user?.id]);

  if (user === undefined) return <p className="tokens-message">{t('loading')}</p>;
  if (!user)
    return (
      <p className="tokens-message">
        <a href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/account`)}`}>{t('signIn')}</a>
      </p>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const token = await createToken(name, scope, password);
      setMade(token);
      setCopied(false);
      setName('');
      setPassword('');
      setTokens((list) => [token, ...(list ?? [])]);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: ListedToken) => {
    if (!window.confirm(t('revokeConfirm', { name: token.name }))) return;
    setMessage(null);
    try {
      await revokeToken(token.id);
      setTokens((list) => (list ?? []).filter((item) => item.id !== token.id));
      if (made?.id === token.id) setMade(null);
    } catch (error) {
      failed(error);
    }
  };

  // Rendered only in the browser (the session is read there): the example can name this site.
  const container = `${window.location.origin}${containerExample}`;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="api-tokens" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('heading')}</h2>
      <p>{t('intro')}</p>
      <p>
        {t('containerIntro')} <code>{container}</code>
      </p>

      {made && (
        <div className="token-made" role="status">
          <p>
            <strong>{t('madeTitle', { name: made.name })}</strong> {t('madeOnce')}
          </p>
          <p className="token-secret">
            <code aria-label={t('tokenLabel')}>{made.token}</code>
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(made.token).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {copied ? t('copied') : t('copy')}
            </button>
          </p>
          <pre className="token-example">{`curl -H "Authorization: Bearer ${made.token}" \\\n  ${container}`}</pre>
        </div>
      )}

      <form className="token-form" onSubmit={submit}>
        <label>
          {t('name')}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={maxTokenNameLength}
            required
            placeholder={t('namePlaceholder')}
          />
        </label>
        <fieldset>
          <legend>{t('scope')}</legend>
          {(['read', 'write'] as const).map((value) => (
            <label key={value} className="token-scope">
              <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
              {t(`scopes.${value}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('password')}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={busy || name.trim() === '' || password === ''}>
          {t('create')}
        </button>
      </form>

      {message && (
        <p className="tokens-message" role="alert">
          {message}
        </p>
      )}

      <h3>{t('listHeading')}</h3>
      {tokens === null ? (
        <p className="tokens-message">{t('loading')}</p>
      ) : tokens.length === 0 ? (
        <p className="tokens-message">{t('none')}</p>
      ) : (
        <ul className="token-list">
          {tokens.map((token) => (
            <li key={token.id} className="token-item">
              <span className="token-name">{token.name}</span>
              <span className="token-meta">
                <code>{token.hint}</code> · {t(`scopeShort.${token.scope}`)} · {t('created', { when: when(token.createdAt) })} ·{' '}
                {token.lastUsedAt ? t('lastUsed', { when: when(token.lastUsedAt) }) : t('neverUsed')}
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => revoke(token)}
                aria-label={t('revokeNamed', { name: token.name })}
              >
                {t('revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
