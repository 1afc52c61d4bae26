/**
 * The site's `::highlight()` rules, for what the CSS Custom Highlight API paints over the text: the
 * reader's notes and others', the word looked up, the sentence read aloud and the words above a
 * level. The document adopts them the first time something is painted; they are not in the
 * stylesheet.
 *
 * Why: while a document has any `::highlight()` rule, Chromium works out each named highlight's style
 * for every element it styles. With the 17 names there were, restyling the whole bilingual article
 * took three times as long (190–230 ms at 6× CPU, against 55–120 ms without them; decision 010), and
 * on a slow phone the article is styled piece by piece as it streams in. A page with nothing painted
 * never pays that. The first rule adopted restyles every element the page has styled (~100 ms at 6×
 * on the article), and every later restyle costs as before: so what every reader sees on an article
 * with notes, the discussion marks, is an attribute instead (lib/annotations-ui/discussion.ts).
 * Narrowing the rules by a selector to the painted passages costs more, not less, as soon as anything
 * is painted (540–790 ms): Chromium computes universal highlight rules faster.
 */
const rules = `
/* The reader's own notes: the background is the colour they chose, the line under it the kind. */
::highlight(note-yellow) { background-color: var(--hl-yellow); }
::highlight(note-blue) { background-color: var(--hl-blue); }
::highlight(note-purple) { background-color: var(--hl-purple); }
::highlight(note-pink) { background-color: var(--hl-pink); }
::highlight(note-comment) { text-decoration: underline 1px var(--fg); }
::highlight(note-question) { text-decoration: underline wavy 1px var(--fg); }
::highlight(note-claim) { text-decoration: underline 2px var(--accent); }
::highlight(note-translation) { text-decoration: underline double 1px var(--fg); }
/* Other readers' notes are fainter than the reader's own, whatever their kind. */
::highlight(note-others) { background-color: color-mix(in srgb, var(--muted) 16%, transparent); }
/* Dashed, apart from the discussion marks' dotted line. */
::highlight(note-aligned) { text-decoration: underline dashed 1px var(--muted); }
::highlight(note-active) { background-color: var(--linked-bg); }
/* The word looked up: its own colour, unlike any note's or the sentence pair's. */
::highlight(looked-up-word) { background-color: var(--lookup-bg); color: inherit; }
/* The sentence being read aloud. */
::highlight(read-aloud) { background-color: var(--reading-bg); color: inherit; }
/* Words above the reader's level: a dotted underline, unlike any note's or the lookup's fill. */
::highlight(above-level) { text-decoration: underline dotted var(--accent); text-decoration-thickness: 2px; text-underline-offset: 0.2em; }
`;

let adopted = false;

/** Adds the highlight rules to the document, once. Call it before painting the first range. */
export function adoptHighlightStyles(): void {
  if (adopted || typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  adopted = true;
}

/** Paints `ranges` as the highlight `name` (replacing what it painted before), adopting the rules first if there is anything to paint. */
export function setHighlight(name: string, ranges: Range[], priority = 0): void {
  if (ranges.length > 0) adoptHighlightStyles();
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}
