import { z } from 'zod';

/** A string in both article languages. */
const localised = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** One bar: an amount in 亿美元 (hundreds of millions of dollars), a range, or a figure not given. */
const cell = z.union([
  z.object({
    value: z.number().nonnegative(),
    to: z.number().nonnegative().optional(),
    approx: z.enum(['over', 'about']).optional(),
    note: localised.optional(),
  }),
  z.object({ missing: localised }),
]);

const chart = z.object({
  title: localised,
  series: z.array(localised).min(1),
  rows: z.array(z.object({ label: localised, cells: z.array(cell).min(1) })).min(1),
});

/** `content/<slug>/charts.json`: the charts an article draws from figures its text states. */
export const articleChartsSchema = z.object({ source: localised, charts: z.record(z.string(), chart) });

export type Localised = z.infer<typeof localised>;
export type ChartCell = z.infer<typeof cell>;
export type ChartSpec = z.infer<typeof chart>;
export type ArticleCharts = z.infer<typeof articleChartsSchema>;
