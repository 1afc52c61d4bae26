import { collectionFrame, noteItems, pageFrame, type CollectionOptions } from './jsonld';
import type { PageWriter } from './page-writer';

/** `value` as JSON whose lines after the first sit `depth` levels in (JSON strings hold no raw newline). */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);

/** An object's members as indented `"key": value,` lines, to be followed by more members. */
const members = (value: object, depth: number) =>
  Object.entries(value).map(([key, member]) => `${'  '.repeat(depth)}${JSON.stringify(key)}: ${indented(member, depth)},`);

/**
 * Writes `toAnnotationCollection`'s collection as indented JSON, a page of notes at a time: the
 * collection's head and its one embedded page with the first note, the items as notes come, and
 * `total` after the last item, once it is known. Without notes the collection has no page (a page
 * holds at least one annotation), which is why the head waits for the first page with notes.
 */
export function jsonLdWriter(options: CollectionOptions): PageWriter {
  const page = pageFrame(options.id);
  const head = () => ['{', ...members(collectionFrame(options), 1), '  "first": {', ...members(page, 2), '    "items": [', ''].join('\n');
  let total = 0;
  return {
    page(notes) {
      const items = notes.flatMap((note) => noteItems(note, options.origin, options.editorialOf));
      if (items.length === 0) return '';
      const start = total === 0 ? head() : ',\n';
      total += items.length;
      return start + items.map((item) => `      ${indented(item, 3)}`).join(',\n');
    },
    end() {
      if (total === 0) return `${JSON.stringify({ ...collectionFrame(options), total }, null, 2)}\n`;
      return `\n    ]\n  },\n  "last": ${JSON.stringify(page.id)},\n  "total": ${total}\n}\n`;
    },
  };
}
