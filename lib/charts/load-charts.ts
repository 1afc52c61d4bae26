import fs from 'node:fs';
import { articleFilePath } from '@/lib/content/article-files';
import { articleChartsSchema, type ArticleCharts } from './chart-spec';

/** The charts of an article, validated; an article without charts.json has none. */
export function loadArticleCharts(slug: string): ArticleCharts {
  const file = articleFilePath(slug, 'charts.json');
  if (!fs.existsSync(file)) return { source: { zh: '', en: '' }, charts: {} };
  return articleChartsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
