/**
 * A same-site path to return to after signing in (`?next=`); anything else gives `fallback`.
 * Browsers read a URL more loosely than a prefix check does: they drop tabs and newlines anywhere
 * (`/\t/evil.example` is `//evil.example`), treat `\` as `/`, and resolve `//host` to another
 * site. So the value is resolved the way a browser would, against this origin, and accepted only
 * when it stays on it; what is returned is that resolved path, not the raw text.
 */
export function safeReturnPath(value: string | null | undefined, fallback: string, origin = 'https://reader.invalid'): string {
  if (!value || value.length > 2048 || !value.startsWith('/')) return fallback;
  // Control characters and backslashes have no place in a path we made; refuse rather than guess.
  if (/[\u0000-\u001F\u007F\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `//` at the start of what we hand back would make it protocol-relative again.
  return path.startsWith('//') ? fallback : path;
}
