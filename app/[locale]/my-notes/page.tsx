import { setRequestLocale } from 'next-intl/server';
import { MyNotesBoard } from '@/components/my-notes/my-notes-board';
import { NoteListPage, noteListPageMetadata } from '@/components/note-list/note-list-page';
import { getArticle, listArticles } from '@/lib/content/articles';
import type { ArticleLang } from '@/lib/content/types';
import { ownFiltersFromSearch } from '@/lib/review/filter';
import { articleOutline } from '@/lib/review/outline';
// The filter form and the aligned quote are styled by the review page's sheet.
import '../articles/[slug]/review/review.css';
import './my-notes.css';

type Props = PageProps<'/[locale]/my-notes'>;

export async function generateMetadata({ params }: Props) {
  return noteListPageMetadata('my-notes', (await params).locale);
}

/** The reader's own notes across articles. The session lives in cookies, so the list is fetched by the browser. */
export default async function MyNotesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const lang = locale as ArticleLang;
  // Every article's outline (its sentences in both languages), to show each note's aligned text and
  // sort it in reading order. Fine for a handful of articles; a large library would want an API.
  const articles = await Promise.all(
    listArticles().map(async (meta) => {
      const article = await getArticle(meta.zh.slug);
      return { slug: meta.zh.slug, title: meta[lang].title, outline: article ? articleOutline(article) : undefined };
    }),
  );

  return (
    <NoteListPage list="my-notes">
      <MyNotesBoard locale={lang} articles={articles} initialFilters={ownFiltersFromSearch(await searchParams)} />
    </NoteListPage>
  );
}
