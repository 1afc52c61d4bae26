import type { Page } from '@playwright/test';
import { createNote, expect, slug, test } from './readers';

// Issue 13: on a phone every control outside running text takes a tap over at least 44 × 44 px.

/**
 * The controls matching `selector` (visible ones) whose tap area is smaller than 44 × 44: each is
 * brought on screen and probed 21 px above, below, left and right of its centre.
 */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  const controls = page.locator(selector);
  const small: string[] = [];
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    const missed = await control.evaluate((element) => {
      element.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = element.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const probes = [
        [x, y - 21],
        [x, y + 21],
        [x - 21, y],
        [x + 21, y],
      ];
      const hit = (px: number, py: number) => {
        const found = document.elementFromPoint(px, py);
        return found === element || element.contains(found);
      };
      return probes.every(([px, py]) => hit(px, py))
        ? null
        : `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
    });
    if (missed) small.push(missed);
  }
  return small;
}

for (const locale of ['zh', 'en'] as const) {
  test(`${locale}, phone: the header, reader bar, contents, translation toggles and notes panel are 44 px targets`, async ({
    newReader,
  }) => {
    const reader = await newReader(`Touch ${locale}`, { phone: true });
    await createNote(reader, locale, locale === 'zh' ? '仅用2048张英伟达H800芯片' : 'using only 2,048 Nvidia H800 chips', {
      body: 'touch',
    });
    const { page } = reader;
    await page.goto(`/${locale}/articles/${slug}?view=zh`);
    await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
    expect(await smallTargets(page, '.site-header a, .site-header button, .reader-toolbar a, .reader-toolbar > * > button')).toEqual([]);
    expect(await smallTargets(page, '.translation-toggle >> nth=0')).toEqual([]);
    await page.locator('.toc summary').click();
    expect(await smallTargets(page, '.toc summary, .toc ol:visible a')).toEqual([]);
    await page.locator('.notes-button').click();
    // Other tests share notes on the article meanwhile: the panel's own controls and one card's are probed.
    await expect(page.locator('.note-panel .note-card').first()).toBeVisible();
    expect(
      await smallTargets(page, '.note-panel-header button, .note-panel summary, .note-panel .note-list > li:first-child .note-card button'),
    ).toEqual([]);
  });
}
