import { ArticlePage } from '@/components/reader/article-page';

// The same page with pinyin over the Chinese: the proxy's rewrite when the reader asked for it.
// Same parameters and title as the view's page; Next reads `dynamicParams` from each file itself.
export { generateMetadata, generateStaticParams } from '../page';
export const dynamicParams = false;

export default async function Page({ params }: PageProps<'/[locale]/articles/[slug]/[view]/pinyin'>) {
  return <ArticlePage {...await params} pinyin />;
}
