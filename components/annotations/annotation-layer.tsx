'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useSessionUser } from '@/lib/account/use-session-user';
import type { ArticleSummary } from '@/lib/annotations/read-model';
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
import { askForAnchoring, markFirstPaint, preloadAnchoring, useAnchoredNotes } from '@/lib/annotations-ui/use-anchored-notes';
import { useArticleNotes } from '@/lib/annotations-ui/use-article-notes';
import { useFleeting } from '@/lib/annotations-ui/use-fleeting';
import { useHighlightNames } from '@/lib/annotations-ui/use-highlight-names';
import { useLinkedArrival, useLinkedNote } from '@/lib/annotations-ui/use-linked-note';
import { useNoteDrafts } from '@/lib/annotations-ui/use-note-drafts';
import { usePageSelection } from '@/lib/annotations-ui/use-page-selection';
import { usePageText } from '@/lib/annotations-ui/use-page-text';
import { usePaintChoice } from '@/lib/annotations-ui/use-paint-choice';
import { usePointerOnNotes } from '@/lib/annotations-ui/use-pointer-on-notes';
import { useSectionCountPublisher } from '@/lib/annotations-ui/use-section-count-publisher';
import { useShortcutKeys } from '@/lib/annotations-ui/use-shortcut-keys';
import type { ArticleLang } from '@/lib/content/types';
import { codeOnDemand } from '@/lib/site/code-on-demand';
import { useReadingView } from '@/components/reader/reader-view';
import { EditorRoleContext } from './editor-role';
import { HighlightNamesContext } from './highlight-names';
import { SelectionToolbar } from './selection-toolbar';
import { SourceCorrectionsContext } from './source-corrections';
import { preloadPanelParts, usePanelParts } from './use-panel-parts';

/** The margin marks beside claim sentences, loaded once the article has a claim to mark. */
const claimMarksCode = codeOnDemand(() => import('./claim-marks'));

/** Whether anything in the article is a claim: an editor's published verdict, or a reader's. */
const hasClaims = (summary: ArticleSummary | undefined) =>
  !!summary && (Object.keys(summary.editorial ?? {}).length > 0 || Object.values(summary.totals.verdicts).some((votes) => votes > 0));

/** A hint at the notes button: the code behind its panels, and the notes' places. */
function hintNotes() {
  preloadPanelParts();
  preloadAnchoring();
}

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
  // The panels, the editor, the shortcuts and the endnotes load when first wanted (use-panel-parts.ts).
  const { parts, failed: panelsFailed } = usePanelParts(panel.mode !== 'closed' || shortcutHelp || endnotes !== undefined);
  const ClaimMarks = claimMarksCode.useCode(paint !== 'none' && hasClaims(summary)).code?.ClaimMarks;
  // A passage to bring into view as a panel opens waits for the panel to be on screen: it moves the
  // text aside on wide screens and covers the lower part of a phone's.
  // Given up on if the panel closes first; read with the view of the moment it is done.
  const panelsOnScreen = useRef(false);
  const afterPanels = useRef<{ passage: Range; lang: ArticleLang }>(undefined);
  const revealAfterPanels = useEffectEvent(() => {
    const pending = afterPanels.current;
    afterPanels.current = undefined;
    if (pending) bringIntoView(pending.passage, pending.lang);
  });
  useEffect(() => {
    if (!parts) return;
    panelsOnScreen.current = true;
    revealAfterPanels();
  }, [parts]);
  useEffect(() => {
    if (panel.mode === 'closed') afterPanels.current = undefined;
  }, [panel.mode]);
  // A signed-in reader's selection is the first step towards the editor, and to a note to place.
  const selecting = selection !== undefined && !!viewer;
  useEffect(() => {
    if (!selecting) return;
    preloadPanelParts();
    preloadAnchoring();
  }, [selecting]);
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
  // Everyone's notes (fetched when there are few) need placing only once something shows them.
  const placesWanted = paint === 'everyone' || own.length > 0 || !!sentence || linked.notes.length > 0 || panel.mode !== 'closed';
  const {
    anchored,
    painted,
    placing,
    failed: anchoringFailed,
  } = useAnchoredNotes(page, annotations, { paint, viewerId: viewer?.id, active, wanted: placesWanted });
  // The list opens once the notes have their places (it holds back, as new, what arrives after it
  // opened); once open it stays, whatever comes later.
  const [listPlaced, setListPlaced] = useState(false);
  if (panel.mode === 'list' && !placing && !listPlaced) setListPlaced(true);
  if (panel.mode !== 'list' && listPlaced) setListPlaced(false);
  const showList = panel.mode === 'list' && (listPlaced || !placing);
  // Escape while a panel's code (or the list's notes' places) is still on its way gives up on it, as
  // it would close the panel.
  const waitingForPanels = (!parts && (panel.mode !== 'closed' || shortcutHelp)) || (panel.mode === 'list' && !showList);
  useEffect(() => {
    if (!waitingForPanels) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setPanel({ mode: 'closed' });
      setShortcutHelp(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [waitingForPanels]);
  // A note in a language the view hides switches to both languages (not remembered as the reader's
  // choice). The passage is placed once the panel is open, which on a phone covers the screen's
  // lower part, and again after the text around it has taken its real size (content-visibility).
  useLinkedArrival(linked.claim, anchored, (target) => {
    setPanel({ mode: 'notes', ids: [target.annotation.id] });
    showPassage(target);
  });
  usePointerOnNotes(page.container, painted, paint === 'none' ? undefined : summary?.sentences, {
    onNotes: (ids) => setPanel({ mode: 'notes', ids }),
    onSentence: openDiscussion,
    onHover: (ids) => {
      if (ids.length) preloadPanelParts();
      setHovered((previous) => (previous.join() === ids.join() ? previous : ids));
    },
  });
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

  /**
   * Scrolls a passage into the uncovered part of the screen, in a view that shows its language
   * (both languages, not remembered, when the view hides it); placed again once the text around it
   * has taken its real size (content-visibility).
   */
  function bringIntoView(passage: Range, lang: ArticleLang) {
    if (!panelsOnScreen.current) {
      afterPanels.current = { passage, lang };
      return;
    }
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

  /** A sentence's discussion, in the panel (from its mark, its margin mark or the list). */
  function openDiscussion(sentenceId: string) {
    openSentence(sentenceId);
    setPanel({ mode: 'sentence' });
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

  // Everyone's shared notes, and the reader's own that others cannot see.
  const noteCount = (summary?.totals.notes ?? 0) + own.filter((a) => !isPublic(a)).length;
  const sentenceNotes = sentence
    ? shownNotes(
        sentence.notes,
        own.filter((a) => a.sentenceIds.includes(sentence.id)),
      )
    : [];
  const { draft, kept: keptDrafts } = drafts;
  const { EditorPanel, NotePanel, NotesListPanel, SentencePanel, ShortcutHelp, PrintEndnotes } = parts ?? {};
  /** What every panel of notes does with a card. */
  const cards = {
    viewerId: viewer?.id,
    signInHref: viewer === null ? signInHref : undefined,
    onEdit: drafts.edit,
    onDelete: remove,
    onChange: upsert,
    onLocate: locate,
  };

  return (
    <HighlightNamesContext value={colorNames}>
      <SourceCorrectionsContext value={corrections}>
        <EditorRoleContext value={viewer?.role === 'editor'}>
          <button
            type="button"
            className="notes-button"
            aria-expanded={panel.mode !== 'closed'}
            onPointerEnter={hintNotes}
            onFocus={hintNotes}
            onClick={() => {
              askForAnchoring(); // notes still waiting for their places after a failure: asked again now
              setPanel(panel.mode === 'closed' ? { mode: 'list' } : { mode: 'closed' });
            }}
          >
            {t('notesCount', { count: noteCount })}
            {viewer && keptDrafts.length > 0 && <span className="notes-drafts"> · {t('draftsCount', { count: keptDrafts.length })}</span>}
          </button>
          {shortcutHelp && ShortcutHelp && <ShortcutHelp onClose={() => setShortcutHelp(false)} />}
          {endnotes && PrintEndnotes && page.container.current && (
            <PrintEndnotes notes={endnotes} into={page.container.current} onDone={endPrinting} />
          )}
          {(panelsFailed || anchoringFailed) && (
            <p className="draft-notice" role="status">
              {t('panelFailed')}
            </p>
          )}
          {drafts.notice && (
            <p className="draft-notice" role="status">
              {drafts.notice}
            </p>
          )}
          {paint !== 'none' && ClaimMarks && (
            <ClaimMarks container={page.container} summary={summary} view={view} onOpen={openDiscussion} />
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
          {panel.mode === 'editor' && draft && EditorPanel && (
            <EditorPanel
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
          )}
          {panel.mode === 'sentence' && sentence && SentencePanel && (
            <SentencePanel
              annotations={sentenceNotes}
              tally={summary?.sentences[sentence.id]}
              loading={sentence.loading}
              hasMore={Boolean(sentence.next)}
              onMore={moreOfSentence}
              {...cards}
              onClose={() => {
                closeSentence();
                setPanel({ mode: 'closed' });
              }}
            />
          )}
          {showList && NotesListPanel && (
            <NotesListPanel
              anchored={anchored}
              everyone={everyone}
              own={own}
              liveArrivals={liveArrivals}
              summary={summary}
              onOpenSentence={openDiscussion}
              lead={{
                paint,
                onPaint: choosePaint,
                signedIn: !!viewer,
                colorNames,
                onColorNames: setColorNames,
                drafts: keptDrafts,
                onContinueDraft: (kept) => drafts.reopen(kept),
                onDiscardDraft: drafts.discard,
                onPrint: painted.length > 0 ? () => setEndnotes(notesInReadingOrder()) : undefined,
              }}
              {...cards}
              onClose={() => setPanel({ mode: 'closed' })}
            />
          )}
          {panel.mode === 'notes' && NotePanel && (
            <NotePanel
              title={t('panelTitle')}
              annotations={annotations.filter((a) => panel.ids.includes(a.id))}
              orphans={[]}
              {...cards}
              onClose={() => setPanel({ mode: 'closed' })}
            />
          )}
        </EditorRoleContext>
      </SourceCorrectionsContext>
    </HighlightNamesContext>
  );
}
