import type { Page } from '@playwright/test';

// What a reader's selection and the page's note highlights hold, for the annotation tests.

/**
 * Selects a phrase inside one sentence, as a reader dragging over it would. The phrase may cross
 * text nodes (a bold run, or the <ruby> of each word with pinyin on): the sentence's text is read
 * node by node, as the page's own text index reads it.
 */
export async function select(page: Page, lang: 'zh' | 'en', sentence: string, phrase: string) {
  await page.locator(`.block[data-lang="${lang}"] [data-sid="${sentence}"]`).evaluate((span, phrase) => {
    span.scrollIntoView({ block: 'center' });
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const text = nodes.map((node) => node.data).join('');
    const at = text.indexOf(phrase);
    if (at < 0) throw new Error(`"${phrase}" is not in the sentence`);
    // No named helpers in here: bench scripts run this through tsx, whose helpers the page lacks.
    const range = document.createRange();
    let before = 0;
    let started = false;
    for (const node of nodes) {
      const after = before + node.data.length;
      if (!started && at < after) {
        range.setStart(node, at - before);
        started = true;
      }
      if (started && at + phrase.length <= after) {
        range.setEnd(node, at + phrase.length - before);
        break;
      }
      before = after;
    }
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, phrase);
}

/** The middle of a phrase's first line box in a sentence, where a reader would click it (the selection is left empty). */
export async function phraseCentre(page: Page, lang: 'zh' | 'en', sentence: string, phrase: string) {
  await select(page, lang, sentence, phrase);
  // Text scrolled into view may move once the blocks around it take their real size (content-visibility).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const box = getSelection()!.getRangeAt(0).getClientRects()[0];
    getSelection()!.removeAllRanges();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
}

/** Puts the caret before a phrase of a Chinese sentence and presses `l`, as a keyboard reader looks a word up. */
export async function lookUpAtCaret(page: Page, sentence: string, phrase: string) {
  await select(page, 'zh', sentence, phrase);
  await page.evaluate(() => getSelection()!.collapseToStart());
  await page.keyboard.press('l');
}

/** How many ranges a named CSS highlight holds, and whether one lies inside a given sentence. */
export function highlightState(page: Page, name: string, lang: 'zh' | 'en', sentence: string) {
  return page.evaluate(
    ({ name, lang, sentence }) => {
      const highlight = CSS.highlights.get(name);
      const element = document.querySelector(`.block[data-lang="${lang}"] [data-sid="${sentence}"]`)!;
      const ranges = (highlight ? [...highlight] : []) as Range[];
      return {
        size: ranges.length,
        inSentence: ranges.some((r) => element.contains(r.commonAncestorContainer) || r.commonAncestorContainer === element),
      };
    },
    { name, lang, sentence },
  );
}

/** The lit passage's box (else the sentence's) against what the reader can see: below the reader bar, above a bottom sheet or the screen's foot, left of a side panel. */
export async function passagePlacement(page: Page, lang: 'zh' | 'en', sentence: string) {
  return page.evaluate(
    ({ lang, sentence }) => {
      // The lit passage (the note's own words) where there is one in the sentence, else the whole sentence.
      const element = document.querySelector(`.block[data-lang="${lang}"] [data-sid="${sentence}"]`)!;
      const lit = [...((CSS.highlights.get('note-active') ?? []) as Iterable<Range>)].filter((r) =>
        element.contains(r.commonAncestorContainer),
      );
      const passage = lit[0]?.getBoundingClientRect() ?? element.getBoundingClientRect();
      const bar = document.querySelector('.reader-toolbar')!.getBoundingClientRect();
      const panel = document.querySelector('.note-panel')?.getBoundingClientRect();
      const sheet = panel && panel.left <= passage.left && panel.top > bar.bottom;
      const bottom = sheet ? panel.top : innerHeight;
      // Beside the text on wide screens, the panel must not cover the passage either.
      const right = panel && !sheet ? panel.left : innerWidth;
      const visible = passage.height > 0 && passage.top >= bar.bottom - 1 && passage.bottom <= bottom + 1 && passage.right <= right + 1;
      return { visible, passage: passage.toJSON(), bottom, right };
    },
    { lang, sentence },
  );
}
