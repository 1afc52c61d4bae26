/**
 * The two pages that list notes the browser fetches: the reader's own (My notes) and the moderation
 * queue. Each keeps its messages' namespace, its address and its own class names.
 */
export const noteLists = {
  'my-notes': { namespace: 'MyNotes', path: '/my-notes', main: 'my-notes-page', intro: 'my-notes-intro', message: 'my-notes-message' },
  moderation: {
    namespace: 'Moderation',
    path: '/moderation',
    main: 'moderation-page',
    intro: 'moderation-intro',
    message: 'moderation-message',
  },
} as const;

export type NoteListName = keyof typeof noteLists;
