'use client';

import { useTranslations } from 'next-intl';
import type { ComponentProps } from 'react';
import { NoteEditor } from './note-editor';
import { NotePanel } from './note-panel';

const nothing = () => {};

/** The note editor in the panel, beside the text on wide screens and a bottom sheet on phones. */
export function EditorPanel(editor: ComponentProps<typeof NoteEditor>) {
  const t = useTranslations('Annotations');
  return (
    <NotePanel title={t('panelTitle')} annotations={[]} orphans={[]} onClose={editor.onClose} onEdit={nothing} onDelete={nothing}>
      <NoteEditor {...editor} />
    </NotePanel>
  );
}
