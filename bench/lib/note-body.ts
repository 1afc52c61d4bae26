import { describeOffsets } from '../../lib/anchoring/describe';
import { articleCanonicalText } from '../../lib/content/article-canonical-text';
import type { ArticleLang } from '../../lib/content/types';

const slug = 'deepseek-capex';
const texts = { zh: articleCanonicalText(slug, 'zh'), en: articleCanonicalText(slug, 'en') };

/** A valid note on a pseudo-random passage (deterministic), alternating languages and kinds. */
export function noteBody(i: number) {
  const lang: ArticleLang = i % 2 ? 'en' : 'zh';
  const { text } = texts[lang];
  const length = 4 + ((i * 7) % 30);
  let start = (i * 9973) % (text.length - length);
  while (/\s/.test(text[start])) start++;
  const description = describeOffsets(texts[lang], start, start + length);
  if (!description) return noteBody(i + 1);
  const kinds = ['highlight', 'comment', 'question', 'claim'];
  return {
    lang,
    blockId: description.blockId,
    sentenceIds: description.sentenceIds,
    target: { selector: description.selectors },
    kind: kinds[i % 4],
    body: `Note ${i}: **bold** and a [link](https://example.com/${i}).`,
    tags: [`t${i % 5}`],
    visibility: 'shared',
  };
}
