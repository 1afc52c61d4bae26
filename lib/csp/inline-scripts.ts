import { createHash } from 'node:crypto';

/** An inline `<script>` of an HTML document: its `nonce` attribute (if any) and its source text. */
export interface InlineScript {
  nonce?: string;
  text: string;
}

// An opening tag's attributes may hold quoted `>`; script text ends at the first `</script` (HTML's
// script data state: Next and React escape `</script` inside their payloads).
const scriptElement = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script[\s/>]/gi;
const attribute = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Types a browser runs as script (absent, empty, a JavaScript MIME type, or a module); JSON and
// other data blocks are not subject to script-src.
const scriptTypes = /^(|module|(text|application)\/(x-)?(java|ecma)script|text\/(jscript|livescript)|text\/javascript1\.[0-5])$/;

function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(attribute)) {
    const key = name.toLowerCase();
    if (!found.has(key)) found.set(key, double ?? single ?? bare ?? '');
  }
  return found;
}

/**
 * The inline scripts a browser would run from this HTML, in document order: `<script>` elements
 * without `src` whose type is JavaScript. Their text is what the browser hashes for CSP: the raw
 * characters between the tags, with line breaks normalised as the HTML parser does.
 */
export function inlineScripts(html: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  for (const [, attributeSource, text] of html.matchAll(scriptElement)) {
    const attrs = attributes(attributeSource);
    if (attrs.has('src')) continue;
    if (!scriptTypes.test((attrs.get('type') ?? '').trim().toLowerCase())) continue;
    scripts.push({ nonce: attrs.get('nonce'), text: text.replace(/\r\n?/g, '\n') });
  }
  return scripts;
}

/** The CSP source that allows this script text: `'sha256-<base64>'` of its UTF-8 bytes. */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The distinct hash sources of every inline script in the HTML, in document order. */
export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map((script) => scriptHashSource(script.text)))];
}
