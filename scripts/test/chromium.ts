/**
 * The browser tests and benchmarks drive: Debian's Chromium (Playwright cannot download its own
 * here), with the flags that keep it quiet on a machine without network or GPU.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
