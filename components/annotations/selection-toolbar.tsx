'use client';

import { useTranslations } from 'next-intl';
import { annotationKinds, type AnnotationKind } from '@/lib/annotations/vocabulary';

type Props = {
  /** Where the selection ends, in viewport coordinates. */
  at: { x: number; y: number };
  signedIn: boolean;
  signInHref: string;
  onChoose: (kind: AnnotationKind) => void;
  /** Before leaving to sign in: the layer keeps the selection as a draft to open on the way back. */
  onSignIn: () => void;
};

/** The small bar that follows a text selection. Mouse down is cancelled so the selection survives the click. */
export function SelectionToolbar({ at, signedIn, signInHref, onChoose, onSignIn }: Props) {
  const t = useTranslations('Annotations');
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('toolbarLabel')}
      // Under the end of the selection, kept on screen.
      style={{ left: Math.max(8, Math.min(at.x, window.innerWidth - 320)), top: Math.max(8, Math.min(at.y + 8, window.innerHeight - 56)) }}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        // Arrow keys move between the buttons, as in any toolbar.
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button, a')];
        const at = buttons.indexOf(document.activeElement as HTMLElement);
        buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
      }}
    >
      {signedIn ? (
        annotationKinds.map((kind) => (
          <button key={kind} type="button" className={`toolbar-${kind}`} onClick={() => onChoose(kind)}>
            {t(kind)}
          </button>
        ))
      ) : (
        <a href={signInHref} onClick={onSignIn}>
          {t('signInToAnnotate')}
        </a>
      )}
    </div>
  );
}
