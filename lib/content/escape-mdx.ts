/**
 * A line of plain text as MDX that reads back as exactly that text: the characters Markdown and MDX
 * read as syntax (`*`, `_`, `{`, `<`, `[`, `&`…; `#`, `>`, `-`, `+`, `=` and `1.` at the line's start)
 * get a backslash, and a line starting with the word `import` or `export` (which MDX would parse as
 * JavaScript) gets its first letter as a character reference. Used for a new article's Chinese and
 * for readers' suggested sentences.
 */
export function escapeMdxLine(line: string): string {
  return line
    .replace(/[\\`*_{}[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/^(\s*)([ie])(mport|xport)\b/, (_, space: string, letter: string, rest: string) => `${space}&#${letter.charCodeAt(0)};${rest}`);
}
