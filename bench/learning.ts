// npm run bench:learning [-- --no-build --runs=10 --paint-runs=30]
//
// Issue 17's budgets for the learning aids, measured in one run and written to bench/RESULTS.md:
// - the word list: dictionary coverage of the article's words, pinyin accuracy against the hand-checked
//   gold (pinyin-pro alone, and with the article's hand readings), the size of a block's piece;
// - in Chromium, on the built reader: the JavaScript a reader who never looks a word up is sent (article
//   against the empty page), and a lookup's time from the click to the card, first (code and piece
//   fetched), later in the same block, and in a new block (piece fetched), unthrottled and at 4× CPU;
// - pinyin: first paint of the Chinese view with and without it (interleaved, unthrottled and at 4× CPU),
//   its layout shifts while loading, and how far the sentence the reader is on moves when it is toggled.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { readParsedArticle, articleFilePath } from '../lib/content/article-files';
import { blockPiece, isWord, type ArticleWords } from '../lib/learning/article-words';
import { readArticleGlossary } from '../lib/learning/article-words-file';
import { buildArticleWords } from '../lib/learning/build-article-words';
import { lexicon } from '../lib/learning/lexicon';
import { checkAgainstGold, readPinyinGold } from '../lib/learning/pinyin-gold';
import { phraseCentre } from '../e2e/selection';
import { chromiumArgs, chromiumPath } from '../scripts/test/chromium';
import { benchArgs } from './lib/args';
import { describeMachine } from './lib/machine';
import { javascriptBytes } from './lib/page-javascript';
import { median, percentile, writeResultsSection } from './lib/results';
import { buildUnlessSkipped, onSeededServer } from './lib/seeded-server';

const args = benchArgs();
const runs = Number(args.get('runs') ?? 10);
// First paint is noisy on a shared machine (±100 ms from one run to the next): more pairs than lookups.
const paintRuns = Number(args.get('paint-runs') ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3305);
const slug = 'deepseek-capex';
const env = { BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-05', LOG_REQUESTS: '0', WARM_UP: '0' };

/** Chinese words with a dictionary or glossary entry; names and words cut into characters listed apart. */
function coverage(words: ArticleWords) {
  const dictionary = lexicon();
  let total = 0;
  let covered = 0;
  const names = new Set<string>();
  for (const tokens of Object.values(words.sentences))
    for (const token of tokens.filter(isWord)) {
      const entry = words.words[token[0]];
      if (entry.name) {
        names.add(token[0]);
        continue;
      }
      total++;
      if (entry.senses.length || entry.gloss || dictionary.has(token[0])) covered++;
    }
  return { total, covered, names: [...names] };
}

function pieceSizes(words: ArticleWords) {
  return Object.values(words.blocks).map((ids) => {
    const json = Buffer.from(JSON.stringify(blockPiece(words, ids)));
    return { plain: json.length, brotli: zlib.brotliCompressSync(json).length };
  });
}

/** Clicks a phrase of a Chinese sentence and waits for the card: the lookup's own measure, in ms. */
async function lookUp(page: Page, sentence: string, phrase: string, word: string): Promise<number> {
  const point = await phraseCentre(page, 'zh', sentence, phrase);
  const before = await page.evaluate(() => performance.getEntriesByName('learning:lookup').length);
  await page.mouse.click(point.x, point.y);
  await page.getByRole('dialog', { name: word }).waitFor();
  await page.waitForFunction((n) => performance.getEntriesByName('learning:lookup').length > n, before);
  return page.evaluate(() => performance.getEntriesByName('learning:lookup').at(-1)!.duration);
}

type Timings = { first: number[]; sameBlock: number[]; nearBlock: number[]; farBlock: number[]; firstBytes: number[] };

async function lookups(origin: string, throttle: number): Promise<Timings> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const timings: Timings = { first: [], sameBlock: [], nearBlock: [], farBlock: [], firstBytes: [] };
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => localStorage.setItem('reader-word-lookup', 'on'));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(`${origin}/zh/articles/${slug}?view=zh`, { waitUntil: 'networkidle' });
      // On a slowed CPU the page may still be hydrating when the network is idle: a click before
      // the lookup's listener is there is a click on text, as on any page.
      await page.locator('.reader[data-word-lookup]').waitFor();
      let bytes = 0;
      page.on(
        'response',
        (response) =>
          void response.body().then(
            (body) => (bytes += zlib.gzipSync(body).length),
            () => {},
          ),
      );
      timings.first.push(await lookUp(page, 'p02-s2', '英伟达', '英伟达'));
      timings.firstBytes.push(bytes);
      // A reader reads between lookups: the words of the blocks around the last one arrive meanwhile.
      await page.waitForTimeout(500);
      timings.sameBlock.push(await lookUp(page, 'p02-s2', '芯片', '芯片'));
      await page.waitForTimeout(500);
      timings.nearBlock.push(await lookUp(page, 'p05-s1', '巨头', '巨头'));
      await page.waitForTimeout(500);
      timings.farBlock.push(await lookUp(page, 'p22-s2', '减少', '减少'));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return timings;
}

/** A fresh page's first contentful paint and its layout shifts (those CLS counts) until a second after load. */
async function paintOf(browser: Browser, url: string, throttle: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({
    content: `window.__shift = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });`,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const figures = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    shift: (window as unknown as { __shift: number }).__shift,
  }));
  await context.close();
  return figures;
}

type Paints = { plain: number[]; pinyin: number[]; plainShift: number[]; pinyinShift: number[] };

/** The Chinese view's first paint without and with pinyin, one of each in turn. */
async function pinyinPaints(origin: string, throttle: number): Promise<Paints> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const paints: Paints = { plain: [], pinyin: [], plainShift: [], pinyinShift: [] };
  try {
    for (let run = 0; run < paintRuns; run++) {
      const plain = await paintOf(browser, `${origin}/zh/articles/${slug}?view=zh&pinyin=0`, throttle);
      const pinyin = await paintOf(browser, `${origin}/zh/articles/${slug}?view=zh&pinyin=1`, throttle);
      paints.plain.push(plain.paint);
      paints.pinyin.push(pinyin.paint);
      paints.plainShift.push(plain.shift);
      paints.pinyinShift.push(pinyin.shift);
    }
  } finally {
    await browser.close();
  }
  return paints;
}

/**
 * How far (px) the sentence the reader is on moves on the screen when pinyin is turned on from a
 * page without it (a load), and off and on again in place; the largest of `runs` tries.
 */
async function toggleMoves(origin: string) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const moves = { load: [] as number[], inPlace: [] as number[] };
  const sentence = '.block[data-lang="zh"] [data-sid="p11-s1"]';
  try {
    for (let run = 0; run < Math.min(runs, 5); run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${origin}/zh/articles/${slug}?view=zh&pinyin=0`, { waitUntil: 'networkidle' });
      await page.locator('.reader[data-enhanced]').waitFor();
      await page.locator(sentence).evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -200);
      });
      await page.waitForTimeout(300);
      const top = () => page.locator(sentence).evaluate((element) => element.getBoundingClientRect().top);
      const before = await top();
      await page.keyboard.press('p');
      await page.waitForURL(/pinyin=1/);
      await page.locator('.reader[data-enhanced]').waitFor();
      await page.waitForTimeout(1200);
      moves.load.push(Math.abs((await top()) - before));
      for (let press = 0; press < 2; press++) {
        const at = await top();
        await page.keyboard.press('p');
        await page.waitForTimeout(300);
        moves.inPlace.push(Math.abs((await top()) - at));
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return moves;
}

const ms = (values: number[]) => `${Math.round(median(values))} / ${Math.round(percentile(values, 99))}`;

async function main() {
  buildUnlessSkipped(args);
  const words = JSON.parse(fs.readFileSync(articleFilePath(slug, 'words.json'), 'utf8')) as ArticleWords;
  const gold = readPinyinGold(slug);
  const byHand = checkAgainstGold(words, gold);
  const glossary = readArticleGlossary(slug);
  const libraryAlone = checkAgainstGold(buildArticleWords(readParsedArticle(slug, 'zh').blocks, { ...glossary, readings: {} }), gold);
  const covered = coverage(words);
  const pieces = pieceSizes(words);

  const figures = await onSeededServer({ database: 'sqlite', seedArgs: ['--notes=100'], port, env }, async (origin) => ({
    emptyJs: (await javascriptBytes(origin, '/zh/about')).gzip,
    articleJs: (await javascriptBytes(origin, `/zh/articles/${slug}?view=zh`)).gzip,
    desktop: await lookups(origin, 1),
    phone: await lookups(origin, 4),
    paintDesktop: await pinyinPaints(origin, 1),
    paintPhone: await pinyinPaints(origin, 4),
    moves: await toggleMoves(origin),
  }));
  const paintRow = (label: string, paints: Paints) =>
    `| first paint, Chinese view, ${label}: without pinyin → with | ${ms(paints.plain)} → ${ms(paints.pinyin)} ms (+${Math.round(median(paints.pinyin) - median(paints.plain))} ms at the median); layout shift while loading ${Math.max(...paints.plainShift).toFixed(3)} → ${Math.max(...paints.pinyinShift).toFixed(3)} | ≤ +100 ms, no layout shift |`;

  const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${describeMachine(chromiumPath)}; ${runs} fresh pages per lookup row, the lookup's own measure (click to card drawn); ${paintRuns} pairs of fresh pages (without, then with pinyin) per first-paint row; median / p99.`,
    '',
    '| what | measured | budget (issue 17) |',
    '|---|---|---|',
    `| article JS (gzip), lookup never used | ${kb(figures.articleJs)} = ${(figures.articleJs / figures.emptyJs).toFixed(2)}× the empty page (${kb(figures.emptyJs)}) | ≤ 1.15× |`,
    `| first lookup, desktop: card code + one block's words | ${ms(figures.desktop.first)} ms, ${kb(median(figures.desktop.firstBytes))} fetched | ≤ 300 ms |`,
    `| later lookup, same block, desktop | ${ms(figures.desktop.sameBlock)} ms | ≤ 30 ms |`,
    `| later lookup, a block near the last (its words prefetched), desktop | ${ms(figures.desktop.nearBlock)} ms | ≤ 30 ms |`,
    `| later lookup, a block far from the last (fetched at idle after the first lookup), desktop | ${ms(figures.desktop.farBlock)} ms | ≤ 30 ms |`,
    `| first lookup, 4× slower CPU | ${ms(figures.phone.first)} ms | ≤ 300 ms |`,
    `| later lookup, same block, 4× slower CPU | ${ms(figures.phone.sameBlock)} ms | ≤ 30 ms |`,
    `| later lookup, a near block, 4× slower CPU | ${ms(figures.phone.nearBlock)} ms | ≤ 30 ms |`,
    `| later lookup, a far block, 4× slower CPU | ${ms(figures.phone.farBlock)} ms | ≤ 30 ms |`,
    paintRow('desktop', figures.paintDesktop),
    paintRow('4× slower CPU', figures.paintPhone),
    `| the sentence the reader is on, moved on screen when pinyin is turned on (a load of its page) / off and on in place, largest of ${figures.moves.load.length} | ${Math.round(Math.max(...figures.moves.load))} px / ${Math.round(Math.max(...figures.moves.inPlace))} px | no layout shift when toggled |`,
    `| a block's words (brotli), median / largest of ${pieces.length} | ${kb(median(pieces.map((p) => p.brotli)))} / ${kb(Math.max(...pieces.map((p) => p.brotli)))} (plain ${kb(Math.max(...pieces.map((p) => p.plain)))}) | in pieces, never the whole dictionary |`,
    `| dictionary coverage of the article's words | ${percent(covered.covered / covered.total)} of ${covered.total} (names aside: ${covered.names.join(', ') || 'none'}) | ≥ 97% |`,
    `| pinyin, pinyin-pro alone | ${percent(libraryAlone.accuracy)} of ${libraryAlone.characters} characters (${libraryAlone.misread.length} of ${gold.length} polyphones misread) | ≥ 99% |`,
    `| pinyin, with the article's hand readings | ${percent(byHand.accuracy)} (${byHand.misread.length} misread) | ≥ 99% |`,
  ].join('\n');
  console.log(table);
  writeResultsSection('learning', `## bench:learning (issue 17)\n\n${table}`);
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
