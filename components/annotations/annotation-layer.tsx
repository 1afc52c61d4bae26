'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useSessionUser } from '@/lib/account/use-session-user';
import type { AnnotationKind } from '@/lib/annotations/schema';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { AnnotationApiError, removeAnnotation } from '@/lib/annotations-ui/api';
import { paintDiscussion } from '@/lib/annotations-ui/discussion';
import { saveDraft } from '@/lib/annotations-ui/draft-store';
import { isPublic } from '@/lib/annotations-ui/is-public';
import { newDraft } from '@/lib/annotations-ui/note-draft';
import type { Anchored } from '@/lib/annotations-ui/page-anchoring';
import type { Panel } from '@/lib/annotations-ui/panel';
import { revealPassage, viewShows, visibleBandNow } from '@/lib/annotations-ui/reveal-passage';
import { noteBox } from '@/lib/annotations-ui/screen-order';
import { nextView, stepNote, type Shortcut } from '@/lib/annotations-ui/shortcuts';
import { markFirstPaint, useAnchoredNotes } from '@/lib/annotations-ui/use-anchored-notes';
import { useArticleNotes } from '@/lib/annotations-ui/use-article-notes';
import { useFleeting } from '@/lib/annotations-ui/use-fleeting';
import { useHighlightNames } from '@/lib/annotations-ui/use-highlight-names';
import { useLinkedArrival, useLinkedNote } from '@/lib/annotations-ui/use-linked-note';
import { useListFollowing } from '@/lib/annotations-ui/use-list-following';
import { useNoteDrafts } from '@/lib/annotations-ui/use-note-drafts';
import { usePageSelection } from '@/lib/annotations-ui/use-page-selection';
import { usePageText } from '@/lib/annotations-ui/use-page-text';
import { usePaintChoice } from '@/lib/annotations-ui/use-paint-choice';
import { usePointerOnNotes } from '@/lib/annotations-ui/use-pointer-on-notes';
import { useSectionCountPublisher } from '@/lib/annotations-ui/use-section-count-publisher';
import { useShortcutKeys } from '@/lib/annotations-ui/use-shortcut-keys';
import type { ArticleLang } from '@/lib/content/types';
import { useReadingView } from '@/components/reader/reader-view';
import { DiscussionList, SentenceTally } from './discussion-list';
import { HighlightNamesContext } from './highlight-names';
import { SourceCorrectionsContext } from './source-corrections';
import { NoteEditor } from './note-editor';
import { NotePanel } from './note-panel';
import { NotesListLead } from './notes-list-lead';
import { PrintEndnotes } from './print-endnotes';
import { SelectionToolbar } from './selection-toolbar';
import { ClaimMarks } from './claim-marks';
import { ShortcutHelp } from './shortcut-help';
import { EditorRoleContext } from './suggestion-box';

/** The notes painted and anchored: the reader's own, the open sentence's, and one a link opened; each once. */
function shownNotes(...lists: ApiAnnotation[][]): ApiAnnotation[] {
  const byId = new Map<string, ApiAnnotation>();
  for (const list of lists) for (const note of list) byId.set(note.id, note);
  return [...byId.values()];
}

export type AnnotationLayerProps = {
  slug: string;
  locale: string;
  /** The translator's corrections of the source's slips, by sentence id. */
  corrections: Record<string, string>;
  /** The Chinese is an original kept word for word: readers suggest only English wordings. */
  chineseIsOriginal: boolean;
};

/**
 * Highlights and notes over the server-rendered article. Marks how much discussion each sentence has
 * (the article's summary, whatever it holds), paints the reader's own notes and those of a sentence
 * they open (a page at a time), anchored in both languages (use-anchored-notes.ts); offers a toolbar
 * on selections and a panel to read and write notes. Drafts live in localStorage (use-note-drafts.ts):
 * closing the editor keeps one with writing in it.
 */
export function AnnotationLayer({ slug, locale, corrections, chineseIsOriginal }: AnnotationLayerProps) {
  const t = useTranslations('Annotations');
  const { view, setView } = useReadingView();
  const page = usePageText();
  const viewer = useSessionUser();
  const { summary, own, setOwn, loadOwn, everyone, sentence, openSentence, moreOfSentence, closeSentence, liveArrivals } = useArticleNotes(
    slug,
    viewer?.id ?? (viewer === null ? null : undefined),
  );
  const [colorNames, setColorNames] = useHighlightNames(viewer?.id);
  const [paint, choosePaint] = usePaintChoice();
  const [panel, setPanel] = useState<Panel>({ mode: 'closed' });
  const [selection, setSelection] = usePageSelection(page.texts);
  // The reader's own notes change here at once; the counts follow through the live events.
  const upsert = useCallback((saved: ApiAnnotation) => setOwn((list) => [...list.filter((a) => a.id !== saved.id), saved]), [setOwn]);
  const drafts = useNoteDrafts(slug, { own, upsert, setPanel });
  /** A note whose passage the reader was just taken to, lit for a moment. */
  const [flashed, setFlashed] = useFleeting<string>(2000);
  /** The note `j`/`k` last went to. */
  const steppedTo = useRef<string>(undefined);
  const [shortcutHelp, setShortcutHelp] = useState(false);
  /** The notes to print after the article, in reading order, while the reader prints with notes. */
  const [endnotes, setEndnotes] = useState<ApiAnnotation[]>();
  const endPrinting = useCallback(() => setEndnotes(undefined), []);
  /** The notes the list held when it opened (see `arrived` below). */
  const [listedWhenOpened, setListedWhenOpened] = useState<ReadonlySet<string>>();
  const placedIds = useRef<string[]>([]);
  const signInHref = `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/articles/${slug}`)}`;

  const linked = useLinkedNote();
  const annotations = useMemo(
    () => shownNotes(everyone ?? [], own, sentence?.notes ?? [], linked.notes),
    [everyone, own, sentence, linked.notes],
  );
  const [hovered, setHovered] = useState<string[]>([]);
  const active = useMemo(
    () => new Set([...hovered, ...(panel.mode === 'notes' ? panel.ids : []), ...(flashed ? [flashed] : [])]),
    [hovered, panel, flashed],
  );
  const { anchored, painted } = useAnchoredNotes(page, annotations, { paint, viewerId: viewer?.id, active });
  // A note in a language the view hides switches to both languages (not remembered as the reader's
  // choice). The passage is placed once the panel is open, which on a phone covers the screen's
  // lower part, and again after the text around it has taken its real size (content-visibility).
  useLinkedArrival(linked.claim, anchored, (target) => {
    setPanel({ mode: 'notes', ids: [target.annotation.id] });
    showPassage(target);
  });
  usePointerOnNotes(page.container, painted, paint === 'none' ? undefined : summary?.sentences, {
    onNotes: (ids) => setPanel({ mode: 'notes', ids }),
    onSentence: (sentenceId) => {
      openSentence(sentenceId);
      setPanel({ mode: 'sentence' });
    },
    onHover: (ids) => setHovered((previous) => (previous.join() === ids.join() ? previous : ids)),
  });
  const following = useListFollowing(panel.mode === 'list', anchored);
  useSectionCountPublisher(page.container, summary, own);

  // The draft the editor showed when the page was left (a reload, or a sign-in from a selection)
  // opens again, at its passage, once the reader is known to be signed in: a signed-out reader
  // could not save it, and keeps it for later.
  const reopened = useRef(false);
  const restoreDraft = useEffectEvent(() => {
    const open = drafts.restoreOpen();
    if (open?.target) showSentence(open.target.lang, open.target.sentenceIds[0]);
  });
  useEffect(() => {
    if (!viewer || reopened.current) return;
    reopened.current = true;
    restoreDraft();
  }, [viewer]);

  // Where the discussion is, sentence by sentence: repainted when the counts change. The first time
  // anything is painted is marked for the benchmark (bench/annotations.ts).
  useEffect(() => {
    if (!page.container.current || !summary) return;
    const start = performance.now();
    paintDiscussion(page.container.current, paint === 'none' ? undefined : summary);
    performance.measure('annotations:paint-discussion', { start, end: performance.now() });
    markFirstPaint();
  }, [page, summary, paint]);

  // Keyboard shortcuts (lib/annotations-ui/shortcuts.ts), acting on the page as it is when pressed.
  useShortcutKeys((action: Shortcut) => {
    // The learning aids' keys are theirs (components/learning/word-lookup-control.tsx, pinyin-control.tsx).
    if (action === 'lookUp' || action === 'pinyin') return false;
    if (action === 'help') setShortcutHelp(true);
    else if (action === 'cycleView') setView(nextView(view));
    else if (action === 'highlight' || action === 'note') {
      if (!selection || !viewer) return false;
      choose(action === 'highlight' ? 'highlight' : 'comment');
    } else if (action === 'nextNote' || action === 'previousNote') {
      const id = stepNote(
        notesInReadingOrder().map((note) => note.id),
        steppedTo.current,
        action === 'nextNote' ? 1 : -1,
      );
      const target = anchored.find((a) => a.annotation.id === id);
      if (!target) return false;
      steppedTo.current = id;
      setPanel({ mode: 'notes', ids: [target.annotation.id] });
      locate(target.annotation);
    } else {
      // A new shortcut must be given its place above, not fall into another's.
      const unhandled: never = action;
      return Boolean(unhandled);
    }
    return true;
  });

  useEffect(() => setListedWhenOpened(panel.mode === 'list' ? new Set(placedIds.current) : undefined), [panel.mode]);

  /**
   * Scrolls a passage into the uncovered part of the screen, in a view that shows its language
   * (both languages, not remembered, when the view hides it); placed again once the text around it
   * has taken its real size (content-visibility).
   */
  function bringIntoView(passage: Range, lang: ArticleLang) {
    requestAnimationFrame(() => {
      if (!viewShows(view, lang)) setView('bilingual', { remember: false });
      revealPassage(passage, visibleBandNow());
      requestAnimationFrame(() => requestAnimationFrame(() => revealPassage(passage, visibleBandNow())));
    });
  }

  function showPassage(target: Anchored) {
    if (target.ranges[0]) bringIntoView(target.ranges[0], target.annotation.lang);
  }

  function showSentence(lang: ArticleLang, sentenceId: string | undefined) {
    const element = sentenceId
      ? page.container.current?.querySelector(`.block[data-lang="${lang}"] [data-sid="${CSS.escape(sentenceId)}"]`)
      : null;
    if (!element) return;
    const range = document.createRange();
    range.selectNodeContents(element);
    bringIntoView(range, lang);
  }

  /** A sentence's words as the page has them (what a translation suggestion starts from). */
  function sentenceText(lang: ArticleLang, sentenceId: string): string {
    const text = page.texts.current?.[lang];
    const span = text?.sentences.find((s) => s.id === sentenceId);
    return span && text ? text.text.slice(span.start, span.end) : '';
  }

  /** What a translation of the selection's first sentence starts from: its English (or the other language, when the Chinese may be reworded too). */
  function suggestionStart(described: { lang: ArticleLang; sentenceIds: string[] }) {
    const lang: ArticleLang = chineseIsOriginal || described.lang === 'zh' ? 'en' : 'zh';
    const sentenceId = described.sentenceIds[0];
    const original = sentenceText(lang, sentenceId);
    return { lang, sentenceId, text: original, original };
  }

  /** Signed out, leaving to sign in from a selection: kept as an open draft, to come back to. */
  function keepSelectionForSignIn() {
    if (!selection) return;
    saveDraft(slug, newDraft(selection.described, 'comment', suggestionStart(selection.described)), true);
  }

  /** The painted notes the view shows, in the order the page shows them. */
  function notesInReadingOrder(): ApiAnnotation[] {
    const byId = new Map(painted.map((a) => [a.annotation.id, a.annotation]));
    return painted
      .filter((a) => a.ranges.length)
      .map((a) => noteBox(a.annotation.id, a.ranges, a.counterpart))
      .filter((box) => box.top !== null)
      .sort((a, b) => a.top! - b.top!)
      .map((box) => byId.get(box.id)!);
  }

  /** From a card in the panel to its passage, lit for a moment. */
  function locate(annotation: ApiAnnotation) {
    const target = anchored.find((a) => a.annotation.id === annotation.id);
    if (!target?.ranges.length) return;
    showPassage(target);
    setFlashed(annotation.id);
  }

  function choose(kind: AnnotationKind) {
    if (!selection) return;
    const fresh = newDraft(selection.described, kind, suggestionStart(selection.described));
    document.getSelection()?.removeAllRanges();
    setSelection(undefined);
    drafts.start(fresh);
    // A plain highlight needs no note: it is saved at once (the editor stays only if that fails).
    if (kind === 'highlight') void drafts.save(fresh);
  }

  async function remove(annotation: ApiAnnotation) {
    if (!window.confirm(t('confirmDelete'))) return;
    try {
      await removeAnnotation(annotation.id);
      // A note with replies stays as a placeholder on its sentence's page, no longer among the reader's own.
      setOwn((list) => list.filter((a) => a.id !== annotation.id));
      if (annotation.replies.length) loadOwn();
    } catch (error) {
      window.alert(error instanceof AnnotationApiError ? error.message : t('offline'));
    }
  }

  // The list: everyone's notes while they are few, else the reader's own (and the discussion by sentence).
  const listed = new Set((everyone ? [...everyone, ...own] : own).map((a) => a.id));
  const placedInPage = anchored.filter((a) => a.ranges.length > 0 && listed.has(a.annotation.id)).map((a) => a.annotation);
  placedIds.current = placedInPage.map((a) => a.id);
  const rank = new Map(following?.order.map((id, i) => [id, i]));
  const ordered = following ? [...placedInPage].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity)) : placedInPage;
  // Other readers' notes that arrive while the list is open wait behind "Show N new notes", so the
  // list does not move under the reader.
  // Only notes that came by a live event: notes still loading when the list opened are not "new".
  const arrived = listedWhenOpened
    ? ordered.filter((a) => liveArrivals.has(a.id) && !listedWhenOpened.has(a.id) && a.author.id !== viewer?.id)
    : [];
  const placed = arrived.length ? ordered.filter((a) => !arrived.includes(a)) : ordered;
  const orphans = anchored.filter((a) => a.ranges.length === 0 && listed.has(a.annotation.id)).map((a) => a.annotation);
  // Everyone's shared notes, and the reader's own that others cannot see.
  const noteCount = (summary?.totals.notes ?? 0) + own.filter((a) => !isPublic(a)).length;
  const sentenceNotes = sentence
    ? shownNotes(
        sentence.notes,
        own.filter((a) => a.sentenceIds.includes(sentence.id)),
      )
    : [];
  const { draft, kept: keptDrafts } = drafts;

  return (
    <HighlightNamesContext value={colorNames}>
      <SourceCorrectionsContext value={corrections}>
        <EditorRoleContext value={viewer?.role === 'editor'}>
          <button
            type="button"
            className="notes-button"
            aria-expanded={panel.mode !== 'closed'}
            onClick={() => setPanel(panel.mode === 'closed' ? { mode: 'list' } : { mode: 'closed' })}
          >
            {t('notesCount', { count: noteCount })}
            {viewer && keptDrafts.length > 0 && <span className="notes-drafts"> · {t('draftsCount', { count: keptDrafts.length })}</span>}
          </button>
          {shortcutHelp && <ShortcutHelp onClose={() => setShortcutHelp(false)} />}
          {endnotes && page.container.current && <PrintEndnotes notes={endnotes} into={page.container.current} onDone={endPrinting} />}
          {drafts.notice && (
            <p className="draft-notice" role="status">
              {drafts.notice}
            </p>
          )}
          {paint !== 'none' && (
            <ClaimMarks
              container={page.container}
              summary={summary}
              view={view}
              onOpen={(sentenceId) => {
                openSentence(sentenceId);
                setPanel({ mode: 'sentence' });
              }}
            />
          )}
          {selection && viewer !== undefined && (
            <SelectionToolbar
              at={selection.at}
              signedIn={!!viewer}
              signInHref={signInHref}
              onChoose={choose}
              onSignIn={keepSelectionForSignIn}
            />
          )}
          {panel.mode === 'editor' && draft && (
            <NotePanel
              title={t('panelTitle')}
              annotations={[]}
              orphans={[]}
              viewerId={viewer?.id}
              onClose={drafts.close}
              onEdit={() => {}}
              onDelete={() => {}}
            >
              <NoteEditor
                draft={draft}
                restored={drafts.restored}
                saveState={drafts.saveState}
                onChange={drafts.update}
                onSave={() => drafts.save()}
                onClose={drafts.close}
                onDiscard={() => drafts.discard(draft)}
                chineseIsOriginal={chineseIsOriginal}
                sentenceText={sentenceText}
              />
            </NotePanel>
          )}
          {panel.mode === 'sentence' && sentence && (
            <NotePanel
              title={t('sentenceNotes')}
              annotations={sentenceNotes}
              orphans={[]}
              viewerId={viewer?.id}
              signInHref={viewer === null ? signInHref : undefined}
              lead={summary?.sentences[sentence.id] && <SentenceTally tally={summary.sentences[sentence.id]} />}
              more={
                (sentence.loading || sentence.next) && (
                  <button type="button" className="link-button" disabled={sentence.loading} onClick={moreOfSentence}>
                    {sentence.loading ? t('loading') : t('showMore')}
                  </button>
                )
              }
              onClose={() => {
                closeSentence();
                setPanel({ mode: 'closed' });
              }}
              onEdit={drafts.edit}
              onDelete={remove}
              onChange={upsert}
              onLocate={locate}
            />
          )}
          {(panel.mode === 'list' || panel.mode === 'notes') && (
            <NotePanel
              title={panel.mode === 'list' ? t('allNotes') : t('panelTitle')}
              annotations={panel.mode === 'list' ? placed : annotations.filter((a) => panel.ids.includes(a.id))}
              onScreen={panel.mode === 'list' ? following?.onScreen : undefined}
              orphans={panel.mode === 'list' ? orphans : []}
              listTitle={panel.mode === 'list' && viewer && !everyone ? t('yourNotes') : undefined}
              lead={
                panel.mode === 'list' && (
                  <NotesListLead
                    paint={paint}
                    onPaint={choosePaint}
                    signedIn={!!viewer}
                    colorNames={colorNames}
                    onColorNames={setColorNames}
                    drafts={keptDrafts}
                    onContinueDraft={(kept) => drafts.reopen(kept)}
                    onDiscardDraft={drafts.discard}
                    onPrint={painted.length > 0 ? () => setEndnotes(notesInReadingOrder()) : undefined}
                    arrived={arrived.length}
                    onShowArrived={() => setListedWhenOpened(new Set([...(listedWhenOpened ?? []), ...arrived.map((a) => a.id)]))}
                  />
                )
              }
              more={
                panel.mode === 'list' &&
                !everyone && (
                  <DiscussionList
                    summary={summary}
                    onOpen={(sentenceId) => {
                      openSentence(sentenceId);
                      setPanel({ mode: 'sentence' });
                    }}
                  />
                )
              }
              viewerId={viewer?.id}
              signInHref={viewer === null ? signInHref : undefined}
              onClose={() => setPanel({ mode: 'closed' })}
              onEdit={drafts.edit}
              onDelete={remove}
              onChange={upsert}
              onLocate={locate}
            />
          )}
        </EditorRoleContext>
      </SourceCorrectionsContext>
    </HighlightNamesContext>
  );
}
