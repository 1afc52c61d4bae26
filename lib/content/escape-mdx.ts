/**
 * A line of plain text as MDX that reads back as exactly that text: the characters Markdown and MDX
 * read as syntax (`*`, `_`, `{`, `<`, `[`…; `#`, `>`, `-`, `+` and `1.` at the line's start) get a
 * backslash. Used for a new article's Chinese and for readers' suggested sentences.
 */
export function escapeMdxLine(line: string): string {
  return line
    .replace(/[\\`*_{}[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
