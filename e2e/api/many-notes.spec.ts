import { articleCanonical, expect, listNotes, slug, test } from './api-fixtures';
import { describeOffsets } from '../../lib/anchoring/describe';

test('a reader with over a thousand notes gets them all, page by page', async ({ newReader }) => {
  test.setTimeout(120_000);
  const reader = await newReader('Prolific');
  const { text } = articleCanonical('en');
  const bodies = Array.from({ length: 1020 }, (_, i) => {
    const start = (i * 7919) % (text.length - 20);
    const d = describeOffsets(articleCanonical('en'), start, start + 12)!;
    return {
      lang: 'en',
      blockId: d.blockId,
      sentenceIds: d.sentenceIds,
      target: { selector: d.selectors },
      kind: 'comment',
      tags: [`t${i % 3}`],
    };
  });
  for (let i = 0; i < bodies.length; i += 30) {
    const batch = bodies.slice(i, i + 30).map((data) => reader.api.post(`/api/articles/${slug}/annotations`, { data }));
    for (const response of await Promise.all(batch)) expect(response.status()).toBe(201);
  }
  const mine = (await listNotes(reader.api)).filter((n) => n.author.id === reader.id) as unknown as { tags: string[] }[];
  expect(mine).toHaveLength(1020);
  expect(mine.filter((n) => n.tags.length === 1)).toHaveLength(1020);
});
