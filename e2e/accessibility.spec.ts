import AxeBuilder from '@axe-core/playwright';
import { expect, slug, test } from './fixtures';

const pages = [
  '/zh',
  '/en',
  ...['zh', 'en'].flatMap((locale) => ['zh', 'en', 'bilingual'].map((view) => `/${locale}/articles/${slug}?view=${view}`)),
];

for (const path of pages) {
  test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
    expect(serious).toEqual([]);
  });
}
