'use client';

import { codeOnDemand } from '@/lib/site/code-on-demand';

// The panels are most of the annotation layer's code, and a reader who only reads never opens one
// (issue 17's budget, decision 010): they load when the reader first shows an intent — a pointer on
// the notes button, a signed-in selection, a pointer on a note — or, at the latest, when one opens.
const panelParts = codeOnDemand(() => import('./panel-parts'));

/** Starts loading the panels; harmless to call on every hint of intent. */
export const preloadPanelParts = panelParts.preload;

/** The panels' components once loaded, loading them when `wanted`; `failed` while that failed. */
export const usePanelParts = (wanted: boolean) => {
  const { code, failed } = panelParts.useCode(wanted);
  return { parts: code, failed };
};
