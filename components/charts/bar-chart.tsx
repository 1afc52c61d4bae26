import { formatAmount } from '@/lib/charts/format-amount';
import type { ChartCell, ChartSpec } from '@/lib/charts/chart-spec';
import type { ArticleLang } from '@/lib/content/types';

/**
 * Two drawings of the same chart: `wide` with each value beside its bar, and `narrow` (phones) 360
 * units wide with each value under its bar, so that a 360 px column shows 13 px labels rather than
 * the wide drawing shrunk to 9 px.
 */
export type ChartLayout = 'wide' | 'narrow';
const widths: Record<ChartLayout, number> = { wide: 480, narrow: 360 };
// Room for the longest value beside the longest bar ("$15.5bn (26% of net profit)").
const valueRooms: Record<ChartLayout, number> = { wide: 210, narrow: 0 };
/** In the narrow drawing each bar has a line for its value under it. */
const valueLine = 16;
const barHeight = 14;
const barGap = 4;
const labelHeight = 20;
const rowGap = 14;
const legendHeight = 26;

function describeCell(cell: ChartCell, lang: ArticleLang): string {
  if ('missing' in cell) return cell.missing[lang];
  const amount = formatAmount(cell, lang);
  if (!cell.note) return amount;
  return lang === 'zh' ? `${amount}（${cell.note[lang]}）` : `${amount} (${cell.note[lang]})`;
}

/**
 * A horizontal bar chart drawn on the server: one group of bars per row (company), one bar per
 * series. Screen readers get the title and every value as text.
 */
export function BarChart({ spec, lang, id, layout }: { spec: ChartSpec; lang: ArticleLang; id: string; layout: ChartLayout }) {
  const width = widths[layout];
  const valueRoom = valueRooms[layout];
  const cellStep = barHeight + barGap + (layout === 'narrow' ? valueLine : 0);
  const hasLegend = spec.series.length > 1;
  const max = Math.max(...spec.rows.flatMap((row) => row.cells.map((cell) => ('missing' in cell ? 0 : (cell.to ?? cell.value)))));
  const scale = (width - valueRoom) / max;
  const rowHeight = labelHeight + spec.series.length * cellStep + rowGap;
  const top = hasLegend ? legendHeight : 0;
  const height = top + spec.rows.length * rowHeight;
  const separator = lang === 'zh' ? '；' : '; ';
  const description = spec.rows
    .map(
      (row) =>
        `${row.label[lang]}${lang === 'zh' ? '：' : ': '}${row.cells.map((cell, i) => `${hasLegend ? `${spec.series[i][lang]} ` : ''}${describeCell(cell, lang)}`).join(lang === 'zh' ? '，' : ', ')}`,
    )
    .join(separator);

  return (
    <svg
      className={`bar-chart bar-chart-${layout}`}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{spec.title[lang]}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {hasLegend &&
        spec.series.map((series, i) => (
          <g key={i} transform={`translate(${i * 150} 4)`} aria-hidden="true">
            <rect className={`series-${i}`} width="12" height="12" rx="2" />
            <text x="18" y="11" className="chart-legend">
              {series[lang]}
            </text>
          </g>
        ))}
      {spec.rows.map((row, r) => {
        const y = top + r * rowHeight;
        return (
          <g key={r} transform={`translate(0 ${y})`} aria-hidden="true">
            <text y="14" className="chart-label">
              {row.label[lang]}
            </text>
            {row.cells.map((cell, i) => {
              const barY = labelHeight + i * cellStep;
              if ('missing' in cell) {
                return (
                  <text key={i} y={barY + 11} className="chart-missing">
                    {cell.missing[lang]}
                  </text>
                );
              }
              const solid = cell.value * scale;
              const end = (cell.to ?? cell.value) * scale;
              return (
                <g key={i}>
                  <rect className={`series-${i}`} y={barY} width={solid} height={barHeight} rx="2" />
                  {cell.to !== undefined && (
                    <rect className={`series-${i} chart-range`} x={solid} y={barY} width={end - solid} height={barHeight} />
                  )}
                  <text
                    x={layout === 'wide' ? end + 6 : 0}
                    y={layout === 'wide' ? barY + 11 : barY + barHeight + valueLine - 3}
                    className="chart-value"
                  >
                    {describeCell(cell, lang)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
