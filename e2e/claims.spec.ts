import AxeBuilder from '@axe-core/playwright';
import { createNote, expect, sidewaysOverflow, slug, test } from './readers';

// Issue 16: the claims view, readable without JavaScript, and an editor's verdict published,
// embedded as ClaimReview and withdrawn. Other tests write claims at the same time: each test
// looks only at its own sentence.

test('zh: a reader’s claim shows on the claims view without JavaScript, with its tally and source, and the filters work', async ({
  newReader,
  browser,
}) => {
  const reader = await newReader('Claims Ru');
  await createNote(reader, 'zh', '仅用2048张英伟达H800芯片和550万美元训练成本', {
    kind: 'claim',
    verdict: 'false',
    sourceUrl: 'https://www.example.org/deepseek-cost',
    visibility: 'shared',
  });

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/zh/articles/${slug}`);
  await page.getByRole('link', { name: '读者核查的论断' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/articles/${slug}/claims$`));
  const claim = page.locator('#claim-p02-s2');
  await expect(claim.locator('blockquote[lang="zh-Hans"]')).toContainText('仅用2048张英伟达H800芯片');
  await expect(claim.locator('blockquote[lang="en"]')).toContainText('2,048 Nvidia H800 chips');
  await expect(claim.getByRole('list', { name: '读者的判断' })).toContainText(/不实 [1-9]/);
  await expect(claim.getByRole('region', { name: '引用的来源' })).toContainText('example.org');
  expect(await sidewaysOverflow(page)).toBe(0);

  // The filter form is a plain GET form.
  await page.getByLabel('共识').selectOption('false');
  await page.getByLabel('排序').selectOption('contested');
  await page.getByRole('button', { name: '显示' }).click();
  await expect(page).toHaveURL(/consensus=false/);
  await expect(page).toHaveURL(/sort=contested/);
  await expect(page.getByRole('status')).toContainText('条论断');
  for (const item of await page.locator('.claim').all()) await expect(item).toHaveClass(/consensus-false/);
  await context.close();
});

test('en: an editor publishes a verdict, it is embedded as ClaimReview, and withdrawing it takes it down', async ({ newReader, page }) => {
  test.slow(); // promoting the editor runs a script
  const reader = await newReader('Claims Sy');
  await createNote(reader, 'zh', '英伟达因市场担忧情绪股价下跌17%', { kind: 'claim', verdict: 'supported', visibility: 'shared' });
  const editor = await newReader('Ed', { editor: true });
  const own = editor.page;
  // Its section only: other tests' claims may fill the first page.
  await own.goto(`/en/articles/${slug}/claims?section=2`);
  const claim = own.locator('#claim-p16-s3');
  await expect(claim).toBeVisible();
  await claim.getByText(/Publish a verdict|Revise the verdict/).click();
  await claim.getByLabel('Rating').selectOption('true');
  await claim.getByLabel('Reasoning in English').fill('Nvidia closed about **17%** lower on 27 January 2025.');
  await claim.getByLabel('Sources: one URL a line').fill('https://www.example.com/nvda-close');
  await claim.getByRole('button', { name: 'Publish' }).click();
  await expect(claim.getByRole('region', { name: 'Editors’ verdict' })).toContainText('Editors’ verdict: True');
  await expect(claim.locator('.editorial-reasoning strong')).toHaveText('17%');

  // Anyone reads it, and search engines get it as ClaimReview.
  await page.goto(`/zh/articles/${slug}/claims?section=2`);
  await expect(page.locator('#claim-p16-s3').locator('.editorial')).toContainText('编辑结论：属实');
  const embedded = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  const review = embedded['@graph'].find((r: Record<string, unknown>) => r['reader:sentenceId'] === 'p16-s3');
  expect(review).toMatchObject({ '@type': 'ClaimReview', reviewRating: { ratingValue: 5, alternateName: 'True' } });
  expect(review.itemReviewed.appearance.url).toContain('#:~:text=');
  const served = await (await page.request.get(`/api/articles/${slug}/claims.jsonld`)).json();
  expect(served['@graph'].some((r: Record<string, unknown>) => r['reader:sentenceId'] === 'p16-s3')).toBe(true);
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // In the article, the sentence's margin mark takes the editors' verdict, says it in words, and opens the discussion.
  // Marks are placed while their passage is near the screen (measuring every claim sentence would lay
  // out the whole article, docs/decisions/010), and taken away when the reader is far from it.
  await page.goto(`/en/articles/${slug}?view=en`);
  const mark = page.locator('.claim-mark[data-sentence="p16-s3"][data-lang="en"]');
  const sentence = page.locator('.block[data-lang="en"] [data-sid="p16-s3"]');
  await sentence.scrollIntoViewIfNeeded();
  await expect(mark).toHaveClass(/tone-supported/);
  await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
  expect(await sentence.evaluate((element) => element.getBoundingClientRect().top / innerHeight)).toBeGreaterThan(3);
  await expect(mark).toHaveCount(0);
  await sentence.scrollIntoViewIfNeeded();
  await expect(mark).toHaveClass(/reviewed/);
  await expect(mark).toHaveAttribute('aria-label', /Editors’ verdict: True/);
  await mark.click();
  await expect(page.locator('.note-panel .note-card.note-claim').first()).toBeVisible();

  // Withdrawn: gone from the page and the ClaimReviews.
  own.once('dialog', (dialog) => void dialog.accept());
  await claim.getByText('Revise the verdict').click();
  await claim.getByRole('button', { name: 'Withdraw the verdict' }).click();
  await expect(claim.locator('.editorial')).toHaveCount(0);
  const after = await (await page.request.get(`/api/articles/${slug}/claims.jsonld`)).json();
  expect(after['@graph'].some((r: Record<string, unknown>) => r['reader:sentenceId'] === 'p16-s3')).toBe(false);
  // The mark follows: the readers' consensus again, no editors' verdict.
  await page.goto(`/en/articles/${slug}?view=en`);
  await sentence.scrollIntoViewIfNeeded();
  await expect(mark).toHaveAttribute('aria-label', /Readers’ consensus/);
  await expect(mark).not.toHaveClass(/reviewed/);
});
