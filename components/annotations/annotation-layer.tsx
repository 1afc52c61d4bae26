'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchSessionUser, type SessionUser } from '@/lib/account/auth-client';
import type { AnnotationKind } from '@/lib/annotations/schema';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import {
  AnnotationApiError,
  fetchAnnotationList,
  fetchAnnotations,
  patchAnnotation,
  postAnnotation,
  removeAnnotation,
} from '@/lib/annotations-ui/api';
import { clearDraft, loadDraft, saveDraft, type NoteDraft } from '@/lib/annotations-ui/draft-store';
import { annotationsAt, paintHighlights } from '@/lib/annotations-ui/highlights';
import {
  anchorAnnotations,
  describeSelection,
  indexPage,
  type Anchored,
  type DescribedSelection,
  type PageTexts,
} from '@/lib/annotations-ui/page-anchoring';
import { useLiveAnnotations } from '@/lib/annotations-ui/use-live-annotations';
import { NoteEditor, type SaveState } from './note-editor';
import { NotePanel } from './note-panel';
import { SelectionToolbar } from './selection-toolbar';

type Panel = { mode: 'closed' } | { mode: 'list' } | { mode: 'notes'; ids: string[] } | { mode: 'editor' };

function newDraft(selection: DescribedSelection, kind: AnnotationKind): NoteDraft {
  return {
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
    annotationId: annotation.id,
    version: annotation.version,
    kind: annotation.kind,
    verdict: annotation.verdict ?? 'unverified',
    sourceUrl: annotation.sourceUrl ?? '',
    body: annotation.body,
    tags: annotation.tags.join(', '),
    visibility: annotation.visibility,
    savedAt: Date.now(),
  };
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
  };
}

/**
 * Highlights and notes over the server-rendered article: loads the notes the reader may see,
 * anchors them in both languages, paints them with the CSS Custom Highlight API (no DOM changes),
 * offers a toolbar on selections and a panel to read and write notes. Drafts live in localStorage.
 */
export function AnnotationLayer({ slug, locale }: { slug: string; locale: string }) {
  const t = useTranslations('Annotations');
  const [viewer, setViewer] = useState<SessionUser | null>();
  const [annotations, setAnnotations] = useState<ApiAnnotation[]>([]);
  const [anchored, setAnchored] = useState<Anchored[]>([]);
  const [selection, setSelection] = useState<{ described: DescribedSelection; at: { x: number; y: number } }>();
  const [panel, setPanel] = useState<Panel>({ mode: 'closed' });
  const [draft, setDraft] = useState<NoteDraft>();
  const [restored, setRestored] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [hovered, setHovered] = useState<string[]>([]);
  const [revision, setRevision] = useState<number>();
  const texts = useRef<PageTexts | null>(null);
  const container = useRef<HTMLElement | null>(null);
  const signInHref = `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/articles/${slug}`)}`;

  useEffect(() => {
    container.current = document.querySelector<HTMLElement>('.reader');
    const start = performance.now();
    if (container.current) texts.current = indexPage(container.current);
    performance.measure('annotations:index-text', { start, end: performance.now() });
    fetchSessionUser().then(setViewer);
    fetchAnnotationList(slug)
      .then((list) => {
        setAnnotations(list.annotations);
        setRevision(list.revision);
      })
      .catch(() => setAnnotations([]));
    const saved = loadDraft(slug);
    if (saved) {
      setDraft(saved);
      setRestored(true);
      setPanel({ mode: 'editor' });
    }
  }, [slug]);

  // Other readers' shared notes and replies arrive live; after a gap, the whole list is reloaded.
  const reload = useCallback(() => {
    fetchAnnotations(slug)
      .then(setAnnotations)
      .catch(() => undefined);
  }, [slug]);
  useLiveAnnotations(slug, { list: annotations, update: setAnnotations, reload, viewerId: viewer?.id, since: revision });

  const active = useMemo(() => new Set([...hovered, ...(panel.mode === 'notes' ? panel.ids : [])]), [hovered, panel]);
  const activeNow = useRef(active);
  activeNow.current = active;

  // Anchor and paint in one go, timed for the benchmark (bench/annotations.ts reads the measure).
  useEffect(() => {
    if (!container.current || !texts.current) return;
    const start = performance.now();
    const placed = anchorAnnotations(container.current, texts.current, annotations);
    paintHighlights(placed, activeNow.current);
    performance.measure('annotations:anchor-and-paint', { start, end: performance.now(), detail: { count: annotations.length } });
    setAnchored(placed);
  }, [annotations]);
  useEffect(() => paintHighlights(anchored, active), [anchored, active]);

  // A link to `#annotation-<id>` scrolls to that note's passage, marks it and opens the note.
  const linked = useRef(false);
  useEffect(() => {
    const id = /^#annotation-(.+)$/.exec(window.location.hash)?.[1];
    const target = id && !linked.current ? anchored.find((a) => a.annotation.id === decodeURIComponent(id)) : undefined;
    if (!target) return;
    linked.current = true;
    const start = target.ranges[0]?.startContainer;
    (start instanceof Element ? start : start?.parentElement)?.scrollIntoView({ block: 'center' });
    setPanel({ mode: 'notes', ids: [target.annotation.id] });
  }, [anchored]);

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

  // Clicking a highlight opens its notes; hovering one lights it up with its counterpart.
  useEffect(() => {
    const body = container.current?.querySelector<HTMLElement>('.article-body');
    if (!body) return;
    let frame = 0;
    const onClick = (event: MouseEvent) => {
      if (!document.getSelection()?.isCollapsed) return;
      const ids = annotationsAt(anchored, event.clientX, event.clientY);
      if (ids.length) setPanel({ mode: 'notes', ids });
    };
    const onMove = (event: MouseEvent) => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const ids = annotationsAt(anchored, event.clientX, event.clientY);
        setHovered((previous) => (previous.join() === ids.join() ? previous : ids));
        body.classList.toggle('over-note', ids.length > 0);
      });
    };
    body.addEventListener('click', onClick);
    body.addEventListener('mousemove', onMove);
    return () => {
      cancelAnimationFrame(frame);
      body.removeEventListener('click', onClick);
      body.removeEventListener('mousemove', onMove);
    };
  }, [anchored]);

  const updateDraft = useCallback(
    (next: NoteDraft) => {
      setDraft(next);
      saveDraft(slug, next);
    },
    [slug],
  );

  const upsert = (saved: ApiAnnotation) => setAnnotations((list) => [...list.filter((a) => a.id !== saved.id), saved]);

  async function save(current = draft) {
    if (!current) return;
    setSaveState({ status: 'saving' });
    try {
      const fields = noteFields(current);
      const saved = current.annotationId
        ? await patchAnnotation(current.annotationId, { ...fields, version: current.version })
        : await postAnnotation(slug, { ...withoutQuote(current.target), ...fields });
      upsert(saved);
      clearDraft(slug);
      setDraft(undefined);
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
    setRestored(false);
    setSaveState({ status: 'idle' });
    updateDraft(fresh);
    setPanel({ mode: 'editor' });
    // A plain highlight needs no note: it is saved at once (the editor stays only if that fails).
    if (kind === 'highlight') void save(fresh);
  }

  async function remove(annotation: ApiAnnotation) {
    if (!window.confirm(t('confirmDelete'))) return;
    try {
      await removeAnnotation(annotation.id);
      // A note with replies stays as a placeholder: the server's list says which.
      if (annotation.replies.length) setAnnotations(await fetchAnnotations(slug));
      else setAnnotations((list) => list.filter((a) => a.id !== annotation.id));
    } catch (error) {
      window.alert(error instanceof AnnotationApiError ? error.message : t('offline'));
    }
  }

  const placed = anchored.filter((a) => a.ranges.length > 0).map((a) => a.annotation);
  const orphans = anchored.filter((a) => a.ranges.length === 0).map((a) => a.annotation);
  const closeEditor = () => {
    clearDraft(slug);
    setDraft(undefined);
    setRestored(false);
    setSaveState({ status: 'idle' });
    setPanel({ mode: 'closed' });
  };

  return (
    <>
      <button
        type="button"
        className="notes-button"
        aria-expanded={panel.mode !== 'closed'}
        onClick={() => setPanel(panel.mode === 'closed' ? { mode: 'list' } : { mode: 'closed' })}
      >
        {t('notesCount', { count: annotations.length })}
      </button>
      {selection && viewer !== undefined && (
        <SelectionToolbar at={selection.at} signedIn={!!viewer} signInHref={signInHref} onChoose={choose} />
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
            onCancel={closeEditor}
          />
        </NotePanel>
      )}
      {(panel.mode === 'list' || panel.mode === 'notes') && (
        <NotePanel
          title={panel.mode === 'list' ? t('allNotes') : t('panelTitle')}
          annotations={panel.mode === 'list' ? placed : annotations.filter((a) => panel.ids.includes(a.id))}
          orphans={panel.mode === 'list' ? orphans : []}
          viewerId={viewer?.id}
          signInHref={viewer === null ? signInHref : undefined}
          onClose={() => setPanel({ mode: 'closed' })}
          onEdit={(annotation) => {
            updateDraft(draftFor(annotation));
            setSaveState({ status: 'idle' });
            setPanel({ mode: 'editor' });
          }}
          onDelete={remove}
          onChange={upsert}
        />
      )}
    </>
  );
}
