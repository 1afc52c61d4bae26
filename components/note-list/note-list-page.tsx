import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site/site-header';
import { noteLists, type NoteListName } from './note-lists';
import './note-list-page.css';

/** A page whose notes the browser fetches (My notes, the moderation queue): its title and what it lists, then the list. */
export async function NoteListPage({ list, children }: { list: NoteListName; children: ReactNode }) {
  const { namespace, path, main, intro } = noteLists[list];
  const t = await getTranslations(namespace);
  return (
    <>
      <SiteHeader path={path} />
      <main id="main" className={`note-list-page ${main}`}>
        <h1>{t('title')}</h1>
        <p className={`note-list-intro ${intro}`}>{t('intro')}</p>
        {children}
      </main>
    </>
  );
}

/** Its title; search engines leave it out (it shows only what the signed-in reader may see). */
export async function noteListPageMetadata(list: NoteListName, locale: string) {
  const t = await getTranslations({ locale, namespace: noteLists[list].namespace });
  return { title: t('title'), robots: { index: false } };
}
