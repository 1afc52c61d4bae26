import { articleMetadata, ArticlePage } from '@/components/reader/article-page';
import { listArticleSlugs } from '@/lib/content/article-files';
import { readingViews } from '@/lib/reader/views';

// Reached through the proxy's rewrite of /{locale}/articles/{slug}: one static page per view.
export const dynamicParams = false;

export function generateStaticParams() {
  return listArticleSlugs().flatMap((slug) => readingViews.map((view) => ({ slug, view })));
}

type Props = PageProps<'/[locale]/articles/[slug]/[view]'>;

export async function generateMetadata({ params }: Props) {
  return articleMetadata(await params);
}

export default async function Page({ params }: Props) {
  return <ArticlePage {...await params} pinyin={false} />;
}
