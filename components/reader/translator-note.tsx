import type { ReactNode } from 'react';

/** A translator's note inside an English sentence, set apart so it is never read as the author's. */
export function TranslatorNote({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="translator-note" role="note">
      <span className="translator-note-label">{label}</span> {children}
    </span>
  );
}
