import { describe, expect, it } from 'vitest';
import type { SavedWordView } from '@/lib/learning/saved-words';
import { markedSentence, parseWordExportFormat, wordExportChunks } from '@/lib/learning/word-export';

const word = (fields: Partial<SavedWordView> = {}): SavedWordView => ({
  id: 'w1',
  word: '英伟达',
  pinyin: 'yīng wěi dá',
  definition: 'NVIDIA',
  article: 'deepseek-capex',
  sentenceId: 'p02-s2',
  start: 9,
  sentenceZh: '这家公司称“仅用2048张英伟达H800芯片”。',
  sentenceEn: 'using only 2,048 Nvidia H800 chips',
  createdAt: '2026-12-07T10:00:00.000Z',
  due: '2026-12-07T10:00:00.000Z',
  reps: 0,
  ...fields,
});

async function text(chunks: AsyncIterable<string>) {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function* of(...words: SavedWordView[]) {
  yield* words;
}

describe('saved words as a file', () => {
  it('marks the word where it was saved, or where it first stands when the offset no longer fits', () => {
    expect(markedSentence(word({ start: 14 }))).toBe('这家公司称“仅用2048张<b>英伟达</b>H800芯片”。');
    expect(markedSentence(word({ start: 0 }))).toBe('这家公司称“仅用2048张<b>英伟达</b>H800芯片”。');
  });

  it('writes TSV Anki imports: its headers, then one line of seven fields per word, HTML escaped, no tab or line break inside a field', async () => {
    const hostile = word({ definition: 'a\tb\nc <script>', sentenceEn: 'x & "y"' });
    const lines = (await text(wordExportChunks('tsv', of(hostile), 'https://reader.example'))).trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tWord\tPinyin\tDefinition\tEnglish\tLink']);
    expect(lines).toHaveLength(4);
    const fields = lines[3].split('\t');
    expect(fields).toHaveLength(7);
    expect(fields[1]).toBe('yīng wěi dá<br>a b c &lt;script&gt;<br>x &amp; &quot;y&quot;');
    expect(fields[6]).toBe('https://reader.example/zh/articles/deepseek-capex?view=zh#zh-p02');
  });

  it('writes CSV with a header and cells a spreadsheet would run as formulas made inert', async () => {
    const csv = await text(wordExportChunks('csv', of(word({ definition: '=HYPERLINK("x")' })), 'https://reader.example'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = csv.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('word,pinyin,definition,chinese sentence,english sentence,article,link,saved');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('takes tsv (the default) or csv, and refuses any other format', () => {
    expect(parseWordExportFormat(null)).toBe('tsv');
    expect(parseWordExportFormat('csv')).toBe('csv');
    expect(() => parseWordExportFormat('xls')).toThrow(/format/);
  });
});
