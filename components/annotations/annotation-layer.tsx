'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchSessionUser, type SessionUser } from '@/lib/account/auth-client';
import type { AnnotationKind } from '@/lib/annotations/schema';
import { kindColors } from '@/lib/annotations/vocabulary';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { AnnotationApiError, fetchAnnotation, patchAnnotation, postAnnotation, removeAnnotation } from '@/lib/annotations-ui/api';
import { paintDiscussion, sentenceAtPoint } from '@/lib/annotations-ui/discussion';
import { hasWriting, loadDrafts, newDraftId, removeDraft, saveDraft, type NoteDraft } from '@/lib/annotations-ui/draft-store';
import { annotationsAt, paintHighlights } from '@/lib/annotations-ui/highlights';
import { loadPaintChoice, paintedNotes, savePaintChoice, type PaintChoice } from '@/lib/annotations-ui/paint-choice';
import {
  anchorAnnotations,
  describeSelection,
  indexPage,
  type Anchored,
  type DescribedSelection,
  type PageTexts,
} from '@/lib/annotations-ui/page-anchoring';
import { useArticleNotes } from '@/lib/annotations-ui/use-article-notes';
import { useHighlightNames } from '@/lib/annotations-ui/use-highlight-names';
import { DiscussionList, SentenceTally } from './discussion-list';
import { ColorNames } from './color-names';
import { DraftList } from './draft-list';
import { HighlightNamesContext } from './highlight-names';
import { PaintControl } from './paint-control';
import { PrintEndnotes } from './print-endnotes';
import { ShortcutHelp } from './shortcut-help';
import { NoteEditor, type SaveState } from './note-editor';
import { NotePanel } from './note-panel';
import { SelectionToolbar } from './selection-toolbar';
import { fragmentId } from '@/lib/reader/fragment';
import { useReadingView } from '@/components/reader/reader-view';
import { revealPassage, viewShows, visibleBandNow } from '@/lib/annotations-ui/reveal-passage';
import { noteBox } from '@/lib/annotations-ui/screen-order';
import { useListFollowing } from '@/lib/annotations-ui/use-list-following';
import { useSectionCountPublisher } from '@/lib/annotations-ui/use-section-count-publisher';
import { nextView, shortcutOf, stepNote, type Shortcut } from '@/lib/annotations-ui/shortcuts';
import type { ArticleLang } from '@/lib/content/types';
import { isPublic } from '@/lib/annotations-ui/is-public';

/** The first time the page shows anything of its notes (marks or highlights), as a performance mark. */
function markFirstPaint() {
  if (performance.getEntriesByName('annotations:first-paint').length === 0) performance.mark('annotations:first-paint');
}

type Panel = { mode: 'closed' } | { mode: 'list' } | { mode: 'notes'; ids: string[] } | { mode: 'sentence' } | { mode: 'editor' };

/** The notes painted and anchored: the reader's own, the open sentence's, and one a link opened; each once. */
function shownNotes(...lists: ApiAnnotation[][]): ApiAnnotation[] {
  const byId = new Map<string, ApiAnnotation>();
  for (const list of lists) for (const note of list) byId.set(note.id, note);
  return [...byId.values()];
}

function newDraft(selection: DescribedSelection, kind: AnnotationKind): NoteDraft {
  return {
    id: newDraftId(),
    target: {
      lang: selection.lang,
      blockId: selection.blockId,
      sentenceIds: selection.sentenceIds,
      target: { selector: selection.selector },
      quote: selection.quote,
    },
    kind,
    verdict: 'unverified',
    sourceUrl: '',
    body: '',
    tags: '',
    visibility: 'private',
    savedAt: Date.now(),
  };
}

function draftFor(annotation: ApiAnnotation): NoteDraft {
  return {
    id: `edit-${annotation.id}`,
    annotationId: annotation.id,
    version: annotation.version,
    kind: annotation.kind,
    verdict: annotation.verdict ?? 'unverified',
    sourceUrl: annotation.sourceUrl ?? '',
    body: annotation.body,
    tags: annotation.tags.join(', '),
    visibility: annotation.visibility,
    color: annotation.color,
    savedAt: Date.now(),
  };
}

const noteFieldsOfDraft = ['kind', 'verdict', 'sourceUrl', 'body', 'tags', 'visibility', 'color'] as const;

/**
 * Whether closing the editor should keep this draft: a new note with writing in it, or changes to
 * a note (one no longer among the reader's own is kept too, rather than lose what was typed).
 */
function worthKeeping(draft: NoteDraft, own: ApiAnnotation[]): boolean {
  if (!draft.annotationId) return hasWriting(draft);
  const note = own.find((a) => a.id === draft.annotationId);
  if (!note) return true;
  const saved = draftFor(note);
  return noteFieldsOfDraft.some((field) => draft[field] !== saved[field]);
}

/** Where a new note is anchored, as the API takes it (the quote is only shown in the editor). */
function withoutQuote(target: NoteDraft['target']) {
  if (!target) return {};
  const { quote: _quote, ...rest } = target;
  return rest;
}

/** The note fields of a draft as the API takes them. */
function noteFields(draft: NoteDraft) {
  const claim = draft.kind === 'claim';
  return {
    kind: draft.kind,
    verdict: claim ? draft.verdict : null,
    sourceUrl: claim && draft.sourceUrl.trim() ? draft.sourceUrl.trim() : null,
    body: draft.body,
    tags: draft.tags
      .split(/[,，]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    visibility: draft.visibility,
    color: draft.color ?? kindColors[draft.kind],
  };
}

/**
 * Highlights and notes over the server-rendered article. Marks how much discussion each sentence has
 * (the article's summary, whatever it holds), paints the reader's own notes and those of a sentence
 * they open (a page at a time), anchored in both languages with the CSS Custom Highlight API (no DOM
 * changes); offers a toolbar on selections and a panel to read and write notes. Drafts live in
 * localStorage (lib/annotations-ui/draft-store.ts): closing the editor keeps one with writing in it.
 */
export function AnnotationLayer({ slug, locale }: { slug: string; locale: string }) {
  const t = useTranslations('Annotations');
  const { view, setView } = useReadingView();
  const [viewer, setViewer] = useState<SessionUser | null>();
  const { summary, own, setOwn, loadOwn, everyone, sentence, openSentence, moreOfSentence, closeSentence, liveArrivals } = useArticleNotes(
    slug,
    viewer?.id ?? (viewer === null ? null : undefined),
  );
  const [linkedNote, setLinkedNote] = useState<ApiAnnotation[]>([]);
  const [colorNames, setColorNames] = useHighlightNames(viewer?.id);
  const annotations = useMemo(
    () => shownNotes(everyone ?? [], own, sentence?.notes ?? [], linkedNote),
    [everyone, own, sentence, linkedNote],
  );
  const [anchored, setAnchored] = useState<Anchored[]>([]);
  const [paint, setPaint] = useState<PaintChoice>('mine');
  const painted = useMemo(() => paintedNotes(anchored, paint, viewer?.id), [anchored, paint, viewer]);
  const [selection, setSelection] = useState<{ described: DescribedSelection; at: { x: number; y: number } }>();
  const [panel, setPanel] = useState<Panel>({ mode: 'closed' });
  const [draft, setDraft] = useState<NoteDraft>();
  /** Every draft kept on this device for the article, the open one included. */
  const [drafts, setDrafts] = useState<NoteDraft[]>([]);
  const [notice, setNotice] = useState<string>();
  const [restored, setRestored] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [hovered, setHovered] = useState<string[]>([]);
  /** A note whose passage the reader was just taken to, lit for a moment. */
  const [flashed, setFlashed] = useState<string>();
  /** The note `j`/`k` last went to. */
  const steppedTo = useRef<string>(undefined);
  const [shortcutHelp, setShortcutHelp] = useState(false);
  /** The notes to print after the article, in reading order, while the reader prints with notes. */
  const [endnotes, setEndnotes] = useState<ApiAnnotation[]>();
  const endPrinting = useCallback(() => setEndnotes(undefined), []);
  /** The notes the list held when it opened (see `arrived` below). */
  const [listedWhenOpened, setListedWhenOpened] = useState<ReadonlySet<string>>();
  const placedIds = useRef<string[]>([]);
  const texts = useRef<PageTexts | null>(null);
  const container = useRef<HTMLElement | null>(null);
  const signInHref = `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/articles/${slug}`)}`;

  useEffect(() => {
    container.current = document.querySelector<HTMLElement>('.reader');
    const start = performance.now();
    if (container.current) texts.current = indexPage(container.current);
    performance.measure('annotations:index-text', { start, end: performance.now() });
    fetchSessionUser().then(setViewer);
    setPaint(loadPaintChoice());
    setDrafts(loadDrafts(slug));
  }, [slug]);

  // The draft the editor showed when the page was left (a reload, or a sign-in from a selection)
  // opens again, at its passage, once the reader is known to be signed in: a signed-out reader
  // could not save it, and keeps it for later.
  const reopened = useRef(false);
  useEffect(() => {
    if (!viewer || reopened.current) return;
    reopened.current = true;
    const open = loadDrafts(slug).find((d) => d.open);
    if (!open) return;
    setDraft(open);
    setRestored(true);
    setPanel({ mode: 'editor' });
    if (open.target) showSentence(open.target.lang, open.target.sentenceIds[0]);
    // Only the reader's arrival matters here.
  }, [viewer, slug]);

  // "Draft kept" shows for a few seconds.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  // Where the discussion is, sentence by sentence: repainted when the counts change. The first time
  // anything is painted is marked for the benchmark (bench/annotations.ts).
  useEffect(() => {
    if (!container.current || !summary) return;
    const start = performance.now();
    paintDiscussion(container.current, paint === 'none' ? undefined : summary);
    performance.measure('annotations:paint-discussion', { start, end: performance.now() });
    markFirstPaint();
  }, [summary, paint]);

  useSectionCountPublisher(container, summary, own);

  const active = useMemo(
    () => new Set([...hovered, ...(panel.mode === 'notes' ? panel.ids : []), ...(flashed ? [flashed] : [])]),
    [hovered, panel, flashed],
  );
  const paintNow = useRef({ active, paint, viewerId: viewer?.id });
  paintNow.current = { active, paint, viewerId: viewer?.id };

  // Anchor and paint in one go, timed for the benchmark (bench/annotations.ts reads the measure).
  useEffect(() => {
    if (!container.current || !texts.current) return;
    const start = performance.now();
    const placed = anchorAnnotations(container.current, texts.current, annotations);
    const { active, paint, viewerId } = paintNow.current;
    paintHighlights(paintedNotes(placed, paint, viewerId), placed, active, viewerId);
    performance.measure('annotations:anchor-and-paint', { start, end: performance.now(), detail: { count: annotations.length } });
    if (annotations.length) markFirstPaint();
    setAnchored(placed);
  }, [annotations]);
  useEffect(() => paintHighlights(painted, anchored, active, viewer?.id), [painted, anchored, active, viewer]);

  // A link to `#annotation-<id>`, followed into the page or within it, loads that note (it may be on
  // any sentence), scrolls to its passage, marks it and opens it.
  const linkedId = useRef<string | null>(null);
  useEffect(() => {
    const follow = () => {
      const id = /^annotation-(.+)$/.exec(fragmentId(window.location.hash) ?? '')?.[1];
      if (!id) return;
      linkedId.current = id;
      fetchAnnotation(id)
        .then((note) => setLinkedNote([note]))
        .catch(() => {
          if (linkedId.current === id) linkedId.current = null;
        });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  // A note in a language the view hides switches to both languages (not remembered as the reader's
  // choice). The passage is placed once the panel is open, which on a phone covers the screen's
  // lower part, and again after the text around it has taken its real size (content-visibility).
  // Not cancelled when the notes are anchored again meanwhile: the link is followed once.
  useEffect(() => {
    const target = linkedId.current ? anchored.find((a) => a.annotation.id === linkedId.current) : undefined;
    if (!target) return;
    linkedId.current = null;
    setPanel({ mode: 'notes', ids: [target.annotation.id] });
    showPassage(target);
    // Only a new anchoring can hold the linked note; the view is read as it is then.
  }, [anchored]);

  const following = useListFollowing(panel.mode === 'list', anchored);

  // Keyboard shortcuts (lib/annotations-ui/shortcuts.ts), acting on the page as it is when pressed.
  const onShortcut = useRef<(action: Shortcut) => boolean>(() => false);
  onShortcut.current = (action) => {
    if (action === 'help') setShortcutHelp(true);
    else if (action === 'cycleView') setView(nextView(view));
    else if (action === 'highlight' || action === 'note') {
      if (!selection || !viewer) return false;
      choose(action === 'highlight' ? 'highlight' : 'comment');
    } else {
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
    }
    return true;
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (action && onShortcut.current(action)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => setListedWhenOpened(panel.mode === 'list' ? new Set(placedIds.current) : undefined), [panel.mode]);

  // A passage lit for a moment after the reader is taken to it.
  useEffect(() => {
    if (!flashed) return;
    const timer = setTimeout(() => setFlashed(undefined), 2000);
    return () => clearTimeout(timer);
  }, [flashed]);

  // A selection inside the article's sentences shows the toolbar where it ends.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      // While the toolbar has keyboard focus, the selection it acts on stays as it was.
      if (document.activeElement?.closest('.selection-toolbar')) return;
      const current = document.getSelection();
      if (!current || current.isCollapsed || current.rangeCount === 0 || !texts.current) return setSelection(undefined);
      const range = current.getRangeAt(0);
      const described = describeSelection(texts.current, range);
      if (!described) return setSelection(undefined);
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      setSelection({ described, at: { x: last.left, y: last.bottom } });
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // Keyboard selections (caret browsing, touch keyboards): Tab moves into the toolbar.
    const onKey = (event: KeyboardEvent) => {
      const first = document.querySelector<HTMLElement>('.selection-toolbar button, .selection-toolbar a');
      if (event.key !== 'Tab' || event.shiftKey || !first || document.activeElement?.closest('.selection-toolbar')) return;
      event.preventDefault();
      first.focus();
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  // Clicking a highlight opens its notes, and clicking a discussed sentence elsewhere opens that
  // sentence's notes; hovering a highlight lights it up with its counterpart. Only what is painted
  // answers: with nothing painted, the text is just text.
  const discussed = useRef(summary?.sentences);
  discussed.current = paint === 'none' ? undefined : summary?.sentences;
  useEffect(() => {
    const body = container.current?.querySelector<HTMLElement>('.article-body');
    if (!body) return;
    let frame = 0;
    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const ids = annotationsAt(painted, event.clientX, event.clientY);
      if (ids.length) return setPanel({ mode: 'notes', ids });
      const sentenceId = sentenceAtPoint(event.clientX, event.clientY);
      if (sentenceId && discussed.current?.[sentenceId]) {
        openSentence(sentenceId);
        setPanel({ mode: 'sentence' });
      }
    };
    const onMove = (event: MouseEvent) => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const ids = annotationsAt(painted, event.clientX, event.clientY);
        setHovered((previous) => (previous.join() === ids.join() ? previous : ids));
        body.classList.toggle('over-note', ids.length > 0);
        const sentenceId = ids.length ? undefined : sentenceAtPoint(event.clientX, event.clientY);
        body.classList.toggle('over-discussion', !!(sentenceId && discussed.current?.[sentenceId]));
      });
    };
    body.addEventListener('click', onClick);
    body.addEventListener('mousemove', onMove);
    return () => {
      cancelAnimationFrame(frame);
      body.removeEventListener('click', onClick);
      body.removeEventListener('mousemove', onMove);
    };
  }, [painted]);

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
      ? container.current?.querySelector(`.block[data-lang="${lang}"] [data-sid="${CSS.escape(sentenceId)}"]`)
      : null;
    if (!element) return;
    const range = document.createRange();
    range.selectNodeContents(element);
    bringIntoView(range, lang);
  }

  /** Signed out, leaving to sign in from a selection: kept as an open draft, to come back to. */
  function keepSelectionForSignIn() {
    if (!selection) return;
    saveDraft(slug, newDraft(selection.described, 'comment'), true);
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

  const updateDraft = useCallback(
    (next: NoteDraft) => {
      setDraft(next);
      saveDraft(slug, next, true);
    },
    [slug],
  );

  /** Takes the open draft out of the editor: kept among the drafts if worth keeping, else dropped. Says whether it was kept. */
  function putAway(): boolean {
    if (!draft) return false;
    const keep = worthKeeping(draft, own);
    if (keep) saveDraft(slug, draft, false);
    else removeDraft(slug, draft.id);
    setDraft(undefined);
    setRestored(false);
    setSaveState({ status: 'idle' });
    setDrafts(loadDrafts(slug));
    return keep;
  }

  /** Opens a kept draft in the editor (after putting the open one away). */
  function reopen(kept: NoteDraft, restoredNotice = false) {
    if (draft?.id !== kept.id) putAway();
    updateDraft(kept);
    setRestored(restoredNotice);
    setDrafts(loadDrafts(slug));
    setPanel({ mode: 'editor' });
  }

  function discard(gone: NoteDraft) {
    removeDraft(slug, gone.id);
    setDrafts(loadDrafts(slug));
    if (draft?.id !== gone.id) return;
    setDraft(undefined);
    setRestored(false);
    setSaveState({ status: 'idle' });
    setPanel({ mode: 'closed' });
  }

  // The reader's own notes change here at once; the counts follow through the live events.
  const upsert = (saved: ApiAnnotation) => setOwn((list) => [...list.filter((a) => a.id !== saved.id), saved]);

  async function save(current = draft) {
    if (!current) return;
    setSaveState({ status: 'saving' });
    try {
      const fields = noteFields(current);
      const saved = current.annotationId
        ? await patchAnnotation(current.annotationId, { ...fields, version: current.version })
        : await postAnnotation(slug, { ...withoutQuote(current.target), ...fields });
      upsert(saved);
      removeDraft(slug, current.id);
      setDrafts(loadDrafts(slug));
      setDraft((open) => (open?.id === current.id ? undefined : open));
      setRestored(false);
      setSaveState({ status: 'idle' });
      setPanel({ mode: 'notes', ids: [saved.id] });
    } catch (error) {
      const e = error instanceof AnnotationApiError ? error : new AnnotationApiError(0, 'offline');
      if (e.status === 409 && e.current) {
        upsert(e.current);
        updateDraft({ ...current, version: e.current.version });
        setSaveState({ status: 'failed', message: t('conflict') });
      } else {
        setSaveState({ status: 'failed', message: e.status === 0 ? t('offline') : t('saveFailed', { message: e.message }) });
      }
    }
  }

  function choose(kind: AnnotationKind) {
    if (!selection) return;
    const fresh = newDraft(selection.described, kind);
    document.getSelection()?.removeAllRanges();
    setSelection(undefined);
    // A note already being written stays among the drafts.
    if (putAway()) setNotice(t('draftKept'));
    updateDraft(fresh);
    setPanel({ mode: 'editor' });
    // A plain highlight needs no note: it is saved at once (the editor stays only if that fails).
    if (kind === 'highlight') void save(fresh);
  }

  function edit(annotation: ApiAnnotation) {
    const fresh = draftFor(annotation);
    // Changes to this note kept from before are picked up where they were left.
    const kept = drafts.find((d) => d.id === fresh.id);
    if (kept) return reopen(kept, true);
    putAway();
    updateDraft(fresh);
    setPanel({ mode: 'editor' });
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
  // Escape, Close and "Keep as draft": a draft with writing in it waits among the drafts.
  const closeEditor = () => {
    if (putAway()) setNotice(t('draftKept'));
    setPanel({ mode: 'closed' });
  };
  const keptDrafts = drafts.filter((d) => d.id !== draft?.id);

  return (
    <HighlightNamesContext value={colorNames}>
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
      {endnotes && container.current && <PrintEndnotes notes={endnotes} into={container.current} onDone={endPrinting} />}
      {notice && (
        <p className="draft-notice" role="status">
          {notice}
        </p>
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
          onClose={closeEditor}
          onEdit={() => {}}
          onDelete={() => {}}
        >
          <NoteEditor
            draft={draft}
            restored={restored}
            saveState={saveState}
            onChange={updateDraft}
            onSave={() => save()}
            onClose={closeEditor}
            onDiscard={() => discard(draft)}
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
          onEdit={edit}
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
              <>
                <PaintControl
                  choice={paint}
                  signedIn={!!viewer}
                  onChoose={(choice) => {
                    setPaint(choice);
                    savePaintChoice(choice);
                  }}
                />
                {viewer && <ColorNames names={colorNames} onSaved={setColorNames} />}
                {viewer && <DraftList drafts={keptDrafts} onContinue={(kept) => reopen(kept)} onDiscard={discard} />}
                {painted.length > 0 && (
                  <button type="button" className="link-button print-with-notes" onClick={() => setEndnotes(notesInReadingOrder())}>
                    {t('printWithNotes')}
                  </button>
                )}
                {arrived.length > 0 && (
                  <button
                    type="button"
                    className="new-notes-button"
                    onClick={() => setListedWhenOpened(new Set([...(listedWhenOpened ?? []), ...arrived.map((a) => a.id)]))}
                  >
                    {t('newNotes', { count: arrived.length })}
                  </button>
                )}
              </>
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
          onEdit={edit}
          onDelete={remove}
          onChange={upsert}
          onLocate={locate}
        />
      )}
    </HighlightNamesContext>
  );
}
