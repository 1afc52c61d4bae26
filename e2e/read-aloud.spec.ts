import type { Page } from '@playwright/test';
import { expect, slug, test } from './readers';
import { highlightState, select } from './selection';

// Issue 17: read the article aloud sentence by sentence. Headless Chromium has no voices, so the
// page gets a stand-in speechSynthesis that "speaks" each utterance in 80 ms and records it.

type Spoken = { text: string; lang: string; rate: number };

async function stubSpeech(page: Page, voices: { lang: string; name: string }[], speakingMs = 80) {
  await page.addInitScript(
    ({ voices, speakingMs }) => {
      const spoken: Spoken[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      let current: SpeechSynthesisUtterance | undefined;
      const synth = {
        speaking: false,
        getVoices: () => voices.map((v) => ({ ...v, default: false, localService: true, voiceURI: v.name })),
        addEventListener: () => {},
        speak(utterance: SpeechSynthesisUtterance) {
          current = utterance;
          spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
          timer = setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), speakingMs);
        },
        cancel() {
          clearTimeout(timer);
          current = undefined;
        },
        pause() {},
        resume() {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      // Real utterances take only the browser's own voice objects: the stand-in voices need stand-in utterances.
      class Utterance {
        lang = '';
        rate = 1;
        voice: unknown = null;
        onend: ((event: Event) => void) | null = null;
        onerror: ((event: Event) => void) | null = null;
        constructor(readonly text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      (window as unknown as { __spoken: Spoken[] }).__spoken = spoken;
      void current;
    },
    { voices, speakingMs },
  );
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);

test('en, bilingual: Chinese then English from the sentence at the caret, lit in both columns; pause, next, speed', async ({ page }) => {
  await stubSpeech(page, [
    { lang: 'zh-CN', name: 'Test Mandarin' },
    { lang: 'en-GB', name: 'Test English' },
  ]);
  await page.goto(`/en/articles/${slug}?view=bilingual`);
  await expect(page.locator('.reader[data-enhanced]')).toHaveCount(1);
  await select(page, 'zh', 'p01-s2', '投资者');
  await page.getByRole('button', { name: 'Read aloud' }).click();
  const player = page.getByRole('region', { name: 'Read aloud' });
  await expect(player.getByRole('combobox', { name: 'Language' })).toHaveValue('both');

  await expect.poll(async () => (await spoken(page)).length).toBeGreaterThanOrEqual(4);
  const [first, second, third] = await spoken(page);
  expect(first).toMatchObject({ lang: 'zh-CN', text: expect.stringContaining('投资者对大规模算力投资一度担忧') });
  expect(second).toMatchObject({ lang: 'en-GB', text: expect.stringContaining('investors') });
  expect(third.lang).toBe('zh-CN');

  await player.getByRole('button', { name: 'Pause' }).click();
  const paused = (await spoken(page)).length;
  await page.waitForTimeout(400);
  expect((await spoken(page)).length).toBe(paused);
  // The sentence it stopped on is lit in both columns.
  const position = await player.getByRole('status').textContent();
  const at = Number(/Sentence (\d+) of/.exec(position!)![1]);
  const current = await page.evaluate(
    (at) => document.querySelectorAll<HTMLElement>('.block[data-lang="zh"] [data-sid]')[at - 1].dataset.sid!,
    at,
  );
  expect(await highlightState(page, 'read-aloud', 'zh', current)).toMatchObject({ size: 2, inSentence: true });
  expect(await highlightState(page, 'read-aloud', 'en', current)).toMatchObject({ inSentence: true });
  await player.getByRole('button', { name: 'Next sentence' }).click();
  await expect(player.getByRole('status')).not.toHaveText(position!);

  await player.getByRole('combobox', { name: 'Speed' }).selectOption('1.5');
  await player.getByRole('combobox', { name: 'Language' }).selectOption('en');
  await player.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await spoken(page)).at(-1)).toMatchObject({ lang: 'en-GB', rate: 1.5 });

  await player.getByRole('button', { name: 'Close' }).click();
  await expect(player).toHaveCount(0);
  expect(await highlightState(page, 'read-aloud', 'zh', 'p01-s3')).toMatchObject({ size: 0 });
});

test('zh, phone: a click on a sentence reads from there, kept on screen above the player', async ({ newReader }) => {
  const { page } = await newReader('Aloud Ai', { phone: true });
  // Each sentence takes a while to say, so the one clicked is still being read when looked at.
  await stubSpeech(page, [{ lang: 'zh-CN', name: 'Test Mandarin' }], 5000);
  await page.goto(`/zh/articles/${slug}?view=zh`);
  await page.getByRole('button', { name: '朗读' }).click();
  const player = page.getByRole('region', { name: '朗读' });
  await expect(player.getByRole('combobox', { name: '语言' })).toHaveValue('zh');
  await page.locator('.block[data-lang="zh"] [data-sid="p05-s1"]').click();
  await expect.poll(() => highlightState(page, 'read-aloud', 'zh', 'p05-s1')).toMatchObject({ inSentence: true });
  await expect.poll(async () => (await spoken(page)).at(-1)?.text).toContain('美国科技四巨头资本支出仍将高速增长');
  const [sentence, bar] = await Promise.all([
    page.locator('.block[data-lang="zh"] [data-sid="p05-s1"]').evaluate((element) => element.getBoundingClientRect().top),
    player.evaluate((element) => element.getBoundingClientRect().top),
  ]);
  expect(sentence).toBeLessThan(bar);
  expect((await spoken(page)).every((utterance) => utterance.lang === 'zh-CN')).toBe(true);
});

test('without a Chinese or English voice, the control is marked unavailable and says why in one line', async ({ page }) => {
  await stubSpeech(page, [{ lang: 'fr-FR', name: 'Test French' }]);
  await page.goto(`/en/articles/${slug}?view=zh`);
  const button = page.getByRole('button', { name: 'Read aloud' });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('Read aloud: this device has no Chinese or English voice')).toBeHidden();
  // Marked unavailable (aria-disabled), yet pressable, to say why.
  await button.click({ force: true });
  await expect(page.getByText('Read aloud: this device has no Chinese or English voice')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Read aloud' })).toHaveCount(0);
});
