import { describe, expect, it } from 'vitest';
import { formatAmount } from '@/lib/charts/format-amount';
import { loadArticleCharts } from '@/lib/charts/load-charts';
import { articleChartsSchema } from '@/lib/charts/chart-spec';

describe('charts', () => {
  it('writes amounts the way each language does (亿 = 100 million)', () => {
    expect(formatAmount({ value: 756 }, 'zh')).toBe('756亿美元');
    expect(formatAmount({ value: 756 }, 'en')).toBe('$75.6bn');
    expect(formatAmount({ value: 1000, approx: 'over' }, 'en')).toBe('over $100bn');
    expect(formatAmount({ value: 750, approx: 'about' }, 'zh')).toBe('约750亿美元');
    expect(formatAmount({ value: 600, to: 650 }, 'zh')).toBe('600亿-650亿美元');
    expect(formatAmount({ value: 600, to: 650 }, 'en')).toBe('$60-65bn');
  });

  it('draws only figures the article states', () => {
    const { charts } = loadArticleCharts('deepseek-capex');
    const capex = charts['capex-2024'].rows.map((row) => ('value' in row.cells[0] ? row.cells[0].value : null));
    expect(capex).toEqual([756, 777, 525, 373]);
    const depreciation = charts.depreciation.rows.map((row) => ('value' in row.cells[0] ? row.cells[0].value : null));
    expect(depreciation).toEqual([151, 155, 105, 75]);
  });

  it('rejects a malformed chart file', () => {
    const result = articleChartsSchema.safeParse({
      source: { zh: 'x', en: 'y' },
      charts: { a: { title: { zh: 'x' }, series: [], rows: [] } },
    });
    expect(result.success).toBe(false);
  });
});
