// What the annotation layer shows only once the reader asks for it — the panels (the editor, the
// notes list, a sentence's discussion, notes opened from the page) with their cards, threads and
// replies, the shortcuts and the print endnotes — gathered so that they load as one chunk, on
// demand (use-panel-parts.ts).
export { EditorPanel } from './editor-panel';
export { NotePanel } from './note-panel';
export { NotesListPanel } from './notes-list-panel';
export { PrintEndnotes } from './print-endnotes';
export { SentencePanel } from './sentence-panel';
export { ShortcutHelp } from './shortcut-help';
