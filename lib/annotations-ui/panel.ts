/** What the notes panel shows: nothing, the notes list, some notes, the open sentence's notes, or the editor. */
export type Panel = { mode: 'closed' } | { mode: 'list' } | { mode: 'notes'; ids: string[] } | { mode: 'sentence' } | { mode: 'editor' };
