/**
 * A stored link as an http(s) URL safe to write between `<` and `>` (a Markdown autolink), or null
 * when it is not one. `URL#href` percent-encodes spaces, quotes, `<` and `>` and drops tabs and
 * newlines, so nothing in the value can end the link or start new Markdown; other schemes
 * (`javascript:`, `data:`) are refused.
 */
export function httpHref(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
