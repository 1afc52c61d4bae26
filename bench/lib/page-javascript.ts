import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/test/chromium';

/** tsx keeps function names with a `__name` helper that does not exist inside the page. */
export const keepNamesShim = 'window.__name = (f) => f;';

/**
 * The JavaScript a page makes a fresh browser download, until the network is idle (code it loads
 * when idle included): each script's bytes gzipped, summed. The RSC payload rides in inline
 * scripts: reported apart from the code.
 */
export async function javascriptBytes(origin: string, path: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage();
  await page.addInitScript(keepNamesShim);
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => zlib.gzipSync(body).length));
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  const sizes = await Promise.all(scripts);
  const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
  await browser.close();
  return { files: sizes.length, gzip: sizes.reduce((a, b) => a + b, 0), inlineGzip: zlib.gzipSync(inline).length };
}
