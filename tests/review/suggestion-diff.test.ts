import { describe, expect, it } from 'vitest';
import { suggestionDiff } from '@/lib/review/suggestion-diff';

const shown = (parts: ReturnType<typeof suggestionDiff>) =>
  parts.map((p) => (p.change === 'added' ? `{+${p.text}+}` : p.change === 'removed' ? `[-${p.text}-]` : p.text)).join('');

describe('suggestionDiff', () => {
  it('compares English word by word', () => {
    expect(shown(suggestionDiff('Nvidia has been the biggest beneficiary.', 'Nvidia has been the largest beneficiary.', 'en'))).toBe(
      'Nvidia has been the [-biggest-]{+largest+} beneficiary.',
    );
  });

  it('compares Chinese character by character', () => {
    expect(shown(suggestionDiff('资本支出总额将超过3200万美元', '资本支出总额将超过3200亿美元', 'zh'))).toBe(
      '资本支出总额将超过3200[-万-]{+亿+}美元',
    );
  });

  it('gives back both texts whole: the kept and removed parts make the current one, the kept and added the suggestion', () => {
    const parts = suggestionDiff('A light touch that moves a heavy weight.', 'A small force that deflects a great one.', 'en');
    expect(
      parts
        .filter((p) => p.change !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('A light touch that moves a heavy weight.');
    expect(
      parts
        .filter((p) => p.change !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('A small force that deflects a great one.');
  });

  it('shows a reworded stretch as one removed run and one added run, not word by word', () => {
    const current = 'At least for now, the four companies are still sticking with it, that is, with large-scale investment.';
    const suggested = 'For now at least, the four companies are still sticking with it, in other words, with heavy investment.';
    expect(shown(suggestionDiff(current, suggested, 'en'))).toBe(
      '[-At least for now-]{+For now at least+}, the four companies are still sticking with it, [-that is-]{+in other words+}, with [-large-scale-]{+heavy+} investment.',
    );
    expect(shown(suggestionDiff('这四家公司2024年资本支出总额', '四家公司在2024年的资本开支总额', 'zh'))).toBe(
      '[-这-]四家公司{+在+}2024年{+的+}资本[-支出-]{+开支+}总额',
    );
  });

  it('says "rewritten" rather than spend long on a suggestion that changes almost everything', () => {
    const current = '资本支出'.repeat(100);
    const suggested = '算力投资'.repeat(400);
    const started = performance.now();
    expect(suggestionDiff(current, suggested, 'zh')).toEqual([
      { text: current, change: 'removed' },
      { text: suggested, change: 'added' },
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
