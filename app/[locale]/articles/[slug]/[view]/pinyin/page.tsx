import { articleMetadata, ArticlePage } from '@/components/reader/article-page';
import { listArticleSlugs } from '@/lib/content/article-files';
import { readingViews } from '@/lib/reader/views';

// The same page with pinyin over the Chinese: the proxy's rewrite when the reader asked for it.
export const dynamicParams = false;

export function generateStaticParams() {
  return listArticleSlugs().flatMap((slug) => readingViews.map((view) => ({ slug, view })));
}

type Props = PageProps<'/[locale]/articles/[slug]/[view]/pinyin'>;

export async function generateMetadata({ params }: Props) {
  return articleMetadata(await params);
}

export default async function Page({ params }: Props) {
  return <ArticlePage {...await params} pinyin />;
}
