import { setRequestLocale } from 'next-intl/server';
import { ModerationQueue } from '@/components/moderation/moderation-queue';
import { NoteListPage, noteListPageMetadata } from '@/components/note-list/note-list-page';
import { listArticles } from '@/lib/content/articles';
import type { ArticleLang } from '@/lib/content/types';
import './moderation.css';

type Props = PageProps<'/[locale]/moderation'>;

export async function generateMetadata({ params }: Props) {
  return noteListPageMetadata('moderation', (await params).locale);
}

/** The moderation queue. Who may see it is the API's decision (it reads the role from the database), so the browser asks. */
export default async function ModerationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const lang = locale as ArticleLang;
  const status = (await searchParams).status === 'hidden' ? 'hidden' : 'open';
  const titles = Object.fromEntries(listArticles().map((meta) => [meta.zh.slug, meta[lang].title]));

  return (
    <NoteListPage list="moderation">
      <ModerationQueue locale={lang} initialStatus={status} titles={titles} />
    </NoteListPage>
  );
}
