import { BarChart } from '@/components/charts/bar-chart';
import type { ArticleCharts } from '@/lib/charts/chart-spec';
import type { ArticleLang } from '@/lib/content/types';

/** `<Chart name="..." />` in an article: a figure with the chart, its title and where the numbers come from. */
export function ArticleChart({ name, lang, charts }: { name: string; lang: ArticleLang; charts: ArticleCharts }) {
  const spec = charts.charts[name];
  if (!spec) throw new Error(`Unknown chart "${name}": add it to the article's charts.json`);
  return (
    <figure className="chart">
      <figcaption className="chart-title">{spec.title[lang]}</figcaption>
      {/* One drawing shows, by the screen's width (globals.css); the other is out of sight and of the accessibility tree. */}
      <BarChart spec={spec} lang={lang} id={`${lang}-chart-${name}`} layout="wide" />
      <BarChart spec={spec} lang={lang} id={`${lang}-chart-${name}-narrow`} layout="narrow" />
      <p className="chart-source">{charts.source[lang]}</p>
    </figure>
  );
}
