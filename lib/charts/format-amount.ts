import type { ArticleLang } from '@/lib/content/types';
import type { ChartCell } from './chart-spec';

type Amount = Extract<ChartCell, { value: number }>;

const round = (n: number) => Number(n.toPrecision(12));

/**
 * An amount given in 亿美元 as each language writes it: "756亿美元" in Chinese, "$75.6bn" in English
 * (1亿 = 100 million, so billions are a tenth of the Chinese figure).
 */
export function formatAmount(cell: Amount, lang: ArticleLang): string {
  if (lang === 'zh') {
    const range = cell.to === undefined ? `${cell.value}亿美元` : `${cell.value}亿-${cell.to}亿美元`;
    return cell.approx === 'over' ? `超过${range}` : cell.approx === 'about' ? `约${range}` : range;
  }
  const billions = (n: number) => `${round(n / 10)}`;
  const range = cell.to === undefined ? `$${billions(cell.value)}bn` : `$${billions(cell.value)}-${billions(cell.to)}bn`;
  return cell.approx === 'over' ? `over ${range}` : cell.approx === 'about' ? `about ${range}` : range;
}
