import type { Page } from '@playwright/test';

// What the page has done, read from the performance marks it leaves (lib/live/use-article-events.ts,
// lib/annotations-ui/use-anchored-notes.ts and annotation-layer.tsx): a test waits for the event it
// is about, never a fixed time.

/** The live stream said `ready`: a change made from now on reaches the page. */
export async function liveReady(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('live:ready').length > 0);
}

/** The discussion marks have been painted (or cleared) from the summary at least once. */
export async function discussionPainted(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('annotations:paint-discussion').length > 0);
}

/** Some notes have been anchored and painted (as the reader's choice says) at least once. */
export async function notesAnchored(page: Page) {
  await page.waitForFunction(() =>
    performance.getEntriesByName('annotations:anchor-and-paint').some((entry) => ((entry as PerformanceMeasure).detail?.count ?? 0) > 0),
  );
}

/** Two frames have passed: what an input event changes has been rendered. */
export async function nextFrames(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
